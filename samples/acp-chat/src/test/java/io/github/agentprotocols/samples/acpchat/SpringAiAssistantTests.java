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

package io.github.agentprotocols.samples.acpchat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.ai.ChatClientAssistant;
import io.github.agentprotocols.acp.test.AssistantTester;
import io.github.agentprotocols.acp.test.RunResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The Spring AI assistant on the scripted demo model, run as the starter runs it: the
 * events of its runs, with the weather tool's calls and results; and on the application's
 * own model when it has one.
 */
class SpringAiAssistantTests {

	private final DemoChatModel model = new DemoChatModel(Duration.ZERO);

	private final AssistantTester tester = AssistantTester.of(SpringAiAssistantConfiguration.ID,
			SpringAiAssistantConfiguration.assistant(this.model));

	@AfterEach
	void close() {
		this.tester.close();
	}

	@Test
	void aWeatherQuestionCallsTheToolAndAnswersWithItsResult() {
		RunResult result = this.tester.send(SpringAiAssistantConfiguration.ID, "What is the weather in Paris?");

		assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(result.types()).containsExactly("run.started", "tool.call", "tool.result", "message",
				"run.completed");
		EventPayload.ToolCall call = payload(result, EventPayload.ToolCall.class);
		assertThat(call.name()).isEqualTo("weather");
		assertThat(call.arguments()).isEqualTo(Map.of("city", "Paris"));
		EventPayload.ToolResult toolResult = payload(result, EventPayload.ToolResult.class);
		assertThat(toolResult.id()).isEqualTo(call.id());
		assertThat(toolResult.result()).isEqualTo(Map.of("city", "Paris", "sky", "sunny", "celsius", 21L));
		assertThat(toolResult.error()).isNull();
		assertThat(result.messageTexts())
			.containsExactly("In Paris the sky is sunny and it is 21 °C, says the weather tool.");
	}

	@Test
	void aCityTheToolDoesNotKnowGivesAnErrorResultTheModelWordsInItsAnswer() {
		RunResult result = this.tester.send(SpringAiAssistantConfiguration.ID, "And the weather in Atlantis?");

		assertThat(result.types()).containsExactly("run.started", "tool.call", "tool.result", "message",
				"run.completed");
		EventPayload.ToolResult toolResult = payload(result, EventPayload.ToolResult.class);
		assertThat(toolResult.result()).isNull();
		assertThat(toolResult.error()).containsEntry("code", "tool_error")
			.containsEntry("message", "no weather data for Atlantis: try Paris, London or Tokyo");
		assertThat(result.messageTexts()).containsExactly(
				"The weather tool could not tell: no weather data for Atlantis: try Paris, London or Tokyo");
	}

	@Test
	void anotherQuestionIsAnsweredWithoutTools() {
		RunResult result = this.tester.send(SpringAiAssistantConfiguration.ID, "Hello");

		assertThat(result.types()).containsExactly("run.started", "message", "run.completed");
		assertThat(result.messageTexts()).singleElement()
			.asString()
			.startsWith("I am the sample's scripted model: ask me about the weather in Paris");
	}

	@Test
	void theModelStreamsItsTextAWordAtATime() {
		List<String> chunks = Objects.requireNonNull(this.model.stream(new Prompt("Hello")).collectList().block())
			.stream()
			.map((chunk) -> chunk.getResult().getOutput().getText())
			.toList();

		assertThat(chunks).hasSizeGreaterThan(10).allSatisfy((chunk) -> assertThat(chunk.strip()).doesNotContain(" "));
		assertThat(String.join("", chunks))
			.isEqualTo(this.model.call(new Prompt("Hello")).getResult().getOutput().getText());
	}

	@Test
	void theApplicationsChatModelReplacesTheDemoModel() {
		ChatModel applications = mock(ChatModel.class);
		given(applications.getOptions()).willReturn(ToolCallingChatOptions.builder().build());
		given(applications.stream(any(Prompt.class))).willReturn(Flux
			.just(new ChatResponse(List.of(new Generation(new AssistantMessage("the application's model answers"))))));
		new ApplicationContextRunner()
			.withInitializer((context) -> context.getBeanFactory()
				.setConversionService(ApplicationConversionService.getSharedInstance()))
			.withUserConfiguration(SpringAiAssistantConfiguration.class)
			.withBean(ChatModel.class, () -> applications)
			.run((context) -> {
				try (AssistantTester tester = AssistantTester.of(SpringAiAssistantConfiguration.ID,
						context.getBean(ChatClientAssistant.class))) {
					assertThat(tester.send(SpringAiAssistantConfiguration.ID, "What is the weather in Paris?")
						.messageTexts()).containsExactly("the application's model answers");
				}
			});
	}

	private static <T> T payload(RunResult result, Class<T> type) {
		return result.events()
			.stream()
			.map(Event::payload)
			.filter(type::isInstance)
			.map(type::cast)
			.findFirst()
			.orElseThrow();
	}

}
