/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.acp.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.test.AssistantTester;
import io.github.agentprotocols.acp.test.RunResult;
import io.github.agentprotocols.testsupport.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static io.github.agentprotocols.testsupport.ScriptedChatModel.reasoningContent;
import static io.github.agentprotocols.testsupport.ScriptedChatModel.text;
import static io.github.agentprotocols.testsupport.ScriptedChatModel.thought;
import static io.github.agentprotocols.testsupport.ScriptedChatModel.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

class ChatClientAssistantTests {

	private final ScriptedChatModel model = new ScriptedChatModel();

	private final WeatherTools tools = new WeatherTools();

	@Test
	void streamedTextBecomesOneMessagePerTurn() {
		this.model.turn(text("It's "), text("sunny "), text("in Paris."));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult result = tester.send("helper", "weather?");
			assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(result.types()).containsExactly("run.started", "message", "run.completed");
			assertThat(result.messageTexts()).containsExactly("It's sunny in Paris.");
		}
	}

	@Test
	void toolCallsAndResultsAreEventsOfTheRunWithTheModelsIds() {
		this.model.turn(text("Let me check."), toolCall("call_model_1", "weather", "{\"city\":\"Paris\"}"))
			.turn(text("Sunny, 21 degrees."));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult result = tester.send("helper", "weather in Paris?");
			assertThat(result.types()).containsExactly("run.started", "message", "tool.call", "tool.result", "message",
					"run.completed");
			assertThat(result.messageTexts()).containsExactly("Let me check.", "Sunny, 21 degrees.");
			EventPayload.ToolCall call = payload(result, EventPayload.ToolCall.class);
			assertThat(call.id()).isEqualTo("call_model_1");
			assertThat(call.name()).isEqualTo("weather");
			assertThat(call.arguments()).isEqualTo(Map.of("city", "Paris"));
			EventPayload.ToolResult toolResult = payload(result, EventPayload.ToolResult.class);
			assertThat(toolResult.id()).isEqualTo("call_model_1");
			assertThat(toolResult.result()).isEqualTo("sunny in Paris");
			assertThat(toolResult.error()).isNull();
		}
		assertThat(this.tools.cities).containsExactly("Paris");
		List<Message> second = this.model.prompts().get(1).getInstructions();
		AssistantMessage asked = (AssistantMessage) second.get(second.size() - 2);
		assertThat(asked.getToolCalls()).extracting(AssistantMessage.ToolCall::id).containsExactly("call_model_1");
		ToolResponseMessage answered = (ToolResponseMessage) second.get(second.size() - 1);
		assertThat(answered.getResponses()).singleElement().satisfies((response) -> {
			assertThat(response.id()).isEqualTo("call_model_1");
			assertThat(response.responseData()).contains("sunny in Paris");
		});
	}

	@Test
	void aToolCallWithoutAnIdGetsOneUsedByItsResultAndTheModel() {
		this.model.turn(toolCall("", "weather", "{\"city\":\"Oslo\"}")).turn(text("Snow."));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult result = tester.send("helper", "weather in Oslo?");
			String id = payload(result, EventPayload.ToolCall.class).id();
			assertThat(id).startsWith("call_").hasSizeGreaterThan("call_".length());
			assertThat(payload(result, EventPayload.ToolResult.class).id()).isEqualTo(id);
		}
		List<Message> second = this.model.prompts().get(1).getInstructions();
		ToolResponseMessage answered = (ToolResponseMessage) second.get(second.size() - 1);
		assertThat(answered.getResponses()).extracting(ToolResponseMessage.ToolResponse::id)
			.containsExactly(((AssistantMessage) second.get(second.size() - 2)).getToolCalls().get(0).id());
	}

	@Test
	void toolsThatReturnDirectlyEndTheLoopWithTheirResultAsTheAnswer() {
		this.model.turn(toolCall("call_1", "time", "{}"));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult result = tester.send("helper", "what time is it?");
			assertThat(result.types()).containsExactly("run.started", "tool.call", "tool.result", "message",
					"run.completed");
			assertThat(result.messageTexts()).containsExactly("noon");
		}
		assertThat(this.model.prompts()).hasSize(1);
	}

	@Test
	void aFailingToolGivesAnErrorResultAndTheModelIsCalledAgain() {
		this.model.turn(toolCall("call_1", "weather", "{\"city\":\"Atlantis\"}"))
			.turn(text("I could not find Atlantis."));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult result = tester.send("helper", "weather in Atlantis?");
			assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(result.types()).containsExactly("run.started", "tool.call", "tool.result", "message",
					"run.completed");
			EventPayload.ToolResult toolResult = payload(result, EventPayload.ToolResult.class);
			assertThat(toolResult.result()).isNull();
			assertThat(toolResult.error()).containsEntry("code", "tool_error")
				.containsEntry("message", "no such city: Atlantis");
		}
		List<Message> second = this.model.prompts().get(1).getInstructions();
		assertThat(((ToolResponseMessage) second.get(second.size() - 1)).getResponses().get(0).responseData())
			.isEqualTo("no such city: Atlantis");
	}

	@Test
	void aCallToAnUnknownToolEndsTheRunFailedAfterAnErrorResult() {
		this.model.turn(toolCall("call_1", "teleport", "{}"));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult result = tester.send("helper", "beam me up");
			assertThat(result.status()).isEqualTo(RunStatus.FAILED);
			assertThat(result.types()).containsExactly("run.started", "tool.call", "tool.result", "run.failed");
			assertThat(payload(result, EventPayload.ToolResult.class).error()).containsEntry("code", "tool_error");
			assertThat(result.error().code()).isEqualTo("handler_error");
			assertThat(result.error().message()).contains("teleport");
		}
	}

	@Test
	void aModelFailureEndsTheRunFailedWithACode() {
		this.model.turn(Flux.concat(Flux.just(text("Partial")), Flux.error(new IllegalStateException("model down"))));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult result = tester.send("helper", "hello?");
			assertThat(result.status()).isEqualTo(RunStatus.FAILED);
			assertThat(result.types()).containsExactly("run.started", "run.failed");
			assertThat(result.error().code()).isEqualTo("handler_error");
			assertThat(result.error().message()).contains("model down");
		}
	}

	@Test
	void aClientWithAToolAdvisorOfItsOwnFailsTheRunSayingSo() {
		ChatClient client = ChatClient.builder(this.model)
			.defaultAdvisors(ToolCallingAdvisor.builder().build())
			.build();
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client).build())) {
			RunResult result = tester.send("helper", "hello?");
			assertThat(result.status()).isEqualTo(RunStatus.FAILED);
			assertThat(result.error().message()).contains("At most one ToolAdvisor");
		}
		assertThat(this.model.prompts()).isEmpty();
	}

	@Test
	void cancellingTheRunCancelsTheModelsStream() throws Exception {
		ScriptedChatModel.EndlessTurn turn = new ScriptedChatModel.EndlessTurn();
		this.model.turn(turn.chunks(text("Thinking")));
		AssistantTester tester = tester(ChatClientAssistant.builder(client()).build());
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> tester.send("helper", "think"));
		turn.awaitStreaming();
		tester.close();
		turn.awaitCancelled();
		RunResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
		assertThat(result.types()).doesNotContain("message");
	}

	@Test
	void cancellingTheRunWhileAToolAwaitsApprovalRunsNoTool() throws Exception {
		CountDownLatch asked = new CountDownLatch(1);
		this.model.turn(toolCall("call_1", "weather", "{\"city\":\"Paris\"}"),
				toolCall("call_2", "weather", "{\"city\":\"Rome\"}"));
		ToolCallApproval held = (context, call) -> Mono.<ToolCallDecision>never()
			.doOnSubscribe((s) -> asked.countDown());
		AssistantTester tester = tester(ChatClientAssistant.builder(client()).toolCallApproval(held).build());
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> tester.send("helper", "weather"));
		assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
		tester.close();
		RunResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
		assertThat(result.types()).containsExactly("run.started", "tool.call", "run.cancelled");
		assertThat(this.tools.cities).isEmpty();
	}

	@Test
	void aDeniedToolCallDoesNotRunAndTheModelIsToldWhy() {
		this.model.turn(toolCall("call_1", "weather", "{\"city\":\"Paris\"}")).turn(text("I may not look."));
		ToolCallApproval deny = (context, call) -> Mono.just(ToolCallDecision.deny("weather is off limits"));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).toolCallApproval(deny).build())) {
			RunResult result = tester.send("helper", "weather?");
			assertThat(result.types()).containsExactly("run.started", "tool.call", "tool.result", "message",
					"run.completed");
			assertThat(payload(result, EventPayload.ToolResult.class).error()).containsEntry("code", "tool_denied")
				.containsEntry("message", "weather is off limits");
		}
		assertThat(this.tools.cities).isEmpty();
		List<Message> second = this.model.prompts().get(1).getInstructions();
		assertThat(((ToolResponseMessage) second.get(second.size() - 1)).getResponses().get(0).responseData())
			.contains("weather is off limits");
	}

	@Test
	void theToolCallsOfOneTurnRunInOrderEachWithItsOwnDecision() {
		this.model
			.turn(toolCall("call_1", "weather", "{\"city\":\"Paris\"}"),
					toolCall("call_2", "weather", "{\"city\":\"Rome\"}"))
			.turn(text("Paris is sunny."));
		ToolCallApproval onlyParis = (context, call) -> Mono.just(
				call.arguments().contains("Paris") ? ToolCallDecision.approve() : ToolCallDecision.deny("only Paris"));
		try (AssistantTester tester = tester(
				ChatClientAssistant.builder(client()).toolCallApproval(onlyParis).build())) {
			RunResult result = tester.send("helper", "weather in Paris and Rome?");
			assertThat(result.types()).containsExactly("run.started", "tool.call", "tool.result", "tool.call",
					"tool.result", "message", "run.completed");
			assertThat(result.events()).map(Event::payload)
				.filteredOn(EventPayload.ToolResult.class::isInstance)
				.map(EventPayload.ToolResult.class::cast)
				.satisfiesExactly((paris) -> assertThat(paris.result()).isEqualTo("sunny in Paris"),
						(rome) -> assertThat(rome.error()).containsEntry("code", "tool_denied"));
		}
		assertThat(this.tools.cities).containsExactly("Paris");
		List<Message> second = this.model.prompts().get(1).getInstructions();
		assertThat(((ToolResponseMessage) second.get(second.size() - 1)).getResponses())
			.extracting(ToolResponseMessage.ToolResponse::id)
			.containsExactly("call_1", "call_2");
	}

	@Test
	void theModelsHistoryIsTheThreadsEvents() {
		this.model.turn(text("Checking."), toolCall("call_1", "weather", "{\"city\":\"Paris\"}"))
			.turn(text("Sunny."))
			.turn(text("You are welcome."));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			tester.send("helper", "weather in Paris?");
			tester.send("helper", "thanks");
		}
		List<Message> third = this.model.prompts().get(2).getInstructions();
		assertThat(third).hasSize(5);
		assertThat(third.get(0)).isInstanceOf(UserMessage.class)
			.extracting(Message::getText)
			.isEqualTo("weather in Paris?");
		AssistantMessage asked = (AssistantMessage) third.get(1);
		assertThat(asked.getText()).isEqualTo("Checking.");
		assertThat(asked.getToolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_1");
			assertThat(call.name()).isEqualTo("weather");
			assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
		});
		assertThat(((ToolResponseMessage) third.get(2)).getResponses()).singleElement()
			.satisfies((response) -> assertThat(response.responseData()).isEqualTo("sunny in Paris"));
		assertThat(third.get(3)).isInstanceOf(AssistantMessage.class).extracting(Message::getText).isEqualTo("Sunny.");
		assertThat(third.get(4)).isInstanceOf(UserMessage.class).extracting(Message::getText).isEqualTo("thanks");
	}

	@Test
	void theHistoryWindowBoundsTheEventsSentAndLeavesOutAResultWithoutItsCall() {
		this.model.turn(toolCall("call_1", "weather", "{\"city\":\"Paris\"}")).turn(text("Sunny.")).turn(text("Bye."));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).historyWindow(5).build())) {
			tester.send("helper", "weather in Paris?");
			tester.send("helper", "bye");
		}
		// the window: tool.result, message, run.completed, message "bye", run.started
		List<Message> third = this.model.prompts().get(2).getInstructions();
		assertThat(third).extracting(Message::getText).containsExactly("Sunny.", "bye");
	}

	@Test
	void withAChatMemoryAdvisorOnlyWhatIsNewToTheAssistantIsSent() {
		this.model.turn(toolCall("call_1", "weather", "{\"city\":\"Paris\"}"))
			.turn(text("Sunny."))
			.turn(text("You are welcome."));
		ChatClient client = ChatClient.builder(this.model)
			.defaultTools(this.tools)
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(MessageWindowChatMemory.builder().build()).build())
			.build();
		ChatClientAssistant assistant = ChatClientAssistant.builder(client)
			.threadHistory(false)
			.requestCustomizer((context, request) -> request
				.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, context.thread().id())))
			.build();
		try (AssistantTester tester = tester(assistant)) {
			tester.send("helper", "weather?");
			tester.send("helper", "thanks");
		}
		// the memory keeps the user's messages and the answers, not the tool calls
		assertThat(this.model.prompts().get(2).getInstructions()).extracting(Message::getText)
			.containsExactly("weather?", "Sunny.", "thanks");
	}

	@Test
	void toolsReceiveTheRunTheThreadAndTheInvoker() {
		this.model.turn(toolCall("call_1", "weather", "{\"city\":\"Paris\"}")).turn(text("Sunny."));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult result = tester.send("helper", "weather?");
			assertThat(this.tools.contexts).singleElement().satisfies((context) -> {
				assertThat(context.thread().id()).isEqualTo(tester.thread().id());
				assertThat(context.run().id()).isEqualTo(result.run().id());
				assertThat(context.invoker().id()).isEqualTo(AssistantTester.USER.id());
				assertThat(context.tenant()).isEqualTo(TenantScope.PUBLIC);
			});
		}
	}

	@Test
	void underFinalAnswerTheTextBeforeToolCallsIsReasoning() {
		this.model.turn(text("Let me check."), toolCall("call_1", "weather", "{\"city\":\"Paris\"}"))
			.turn(text("Sunny."));
		try (AssistantTester tester = tester(
				ChatClientAssistant.builder(client()).textCoalescing(TextCoalescing.FINAL_ANSWER).build())) {
			RunResult result = tester.send("helper", "weather?");
			assertThat(result.types()).containsExactly("run.started", "reasoning", "tool.call", "tool.result",
					"message", "run.completed");
			assertThat(payload(result, EventPayload.Reasoning.class).content()).isEqualTo("Let me check.");
			assertThat(result.messageTexts()).containsExactly("Sunny.");
		}
	}

	@Test
	void reasoningFromTheProvidersMetadataOrAThinkBlockBecomesReasoningEvents() {
		this.model.turn(reasoningContent("The user "), reasoningContent("greets."), text("Hello!"))
			.turn(text("<think>Again a greeting.</think>"), text("Hello again!"))
			.turn(thought("A third "), thought("greeting."), text("Hello once more!"));
		try (AssistantTester tester = tester(ChatClientAssistant.builder(client()).build())) {
			RunResult first = tester.send("helper", "hi");
			assertThat(first.types()).containsExactly("run.started", "reasoning", "message", "run.completed");
			assertThat(payload(first, EventPayload.Reasoning.class).content()).isEqualTo("The user greets.");
			assertThat(first.messageTexts()).containsExactly("Hello!");
			RunResult second = tester.send("helper", "hi again");
			assertThat(payload(second, EventPayload.Reasoning.class).content()).isEqualTo("Again a greeting.");
			assertThat(second.messageTexts()).containsExactly("Hello again!");
			RunResult third = tester.send("helper", "hi once more");
			assertThat(payload(third, EventPayload.Reasoning.class).content()).isEqualTo("A third greeting.");
			assertThat(third.messageTexts()).containsExactly("Hello once more!");
		}
	}

	private ChatClient client() {
		return ChatClient.builder(this.model).defaultTools(this.tools).build();
	}

	private static AssistantTester tester(ChatClientAssistant assistant) {
		return AssistantTester.of("helper", assistant).timeout(Duration.ofSeconds(30));
	}

	static <P extends EventPayload> P payload(RunResult result, Class<P> type) {
		return result.events()
			.stream()
			.map(Event::payload)
			.filter(type::isInstance)
			.map(type::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + result.types()));
	}

}
