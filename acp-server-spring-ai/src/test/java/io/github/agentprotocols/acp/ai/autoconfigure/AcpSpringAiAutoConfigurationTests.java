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

package io.github.agentprotocols.acp.ai.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.ai.ChatClientAssistant;
import io.github.agentprotocols.testsupport.ScriptedChatModel;
import io.github.agentprotocols.acp.ai.TextCoalescing;
import io.github.agentprotocols.acp.ai.ToolCallDecision;
import io.github.agentprotocols.acp.ai.WeatherTools;
import io.github.agentprotocols.acp.autoconfigure.AcpAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.AcpProperties;
import io.github.agentprotocols.acp.autoconfigure.AcpRunsAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.RunExecutorBuilderCustomizer;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.test.RunResult;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import io.github.agentprotocols.testsupport.CodeSnippets;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AcpSpringAiAutoConfiguration}.
 */
class AcpSpringAiAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Identity alice = Identity.user("alice", "Alice");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class,
				AcpRunsAutoConfiguration.class, AcpSpringAiAutoConfiguration.class))
		.withUserConfiguration(SpringAiConfiguration.class);

	@Test
	void withoutAnAssistantIdRegistersNoAssistant() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AcpSpringAiProperties.class);
			assertThat(context.getBean(AssistantRegistry.class).ids()).isEmpty();
		});
	}

	@Test
	void withoutAChatClientBuilderRegistersNoAssistant() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class,
					AcpRunsAutoConfiguration.class, AcpSpringAiAutoConfiguration.class))
			.withPropertyValues("acp.ai.assistant-id=helper")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(AssistantRegistry.class).ids()).isEmpty();
			});
	}

	@Test
	void backsOffWithoutSpringAiOrWithAcpDisabled() {
		this.runner.withPropertyValues("acp.ai.assistant-id=helper")
			.withClassLoader(new FilteredClassLoader(ChatClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AcpSpringAiProperties.class));
		this.runner.withPropertyValues("acp.ai.assistant-id=helper", "acp.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AcpSpringAiProperties.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsAssistant() {
		this.runner.withPropertyValues("acp.ai.assistant-id=helper")
			.withUserConfiguration(OwnAssistantConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("acpChatClientAssistantRegistration");
				assertThat(context.getBean(AssistantRegistry.class).find("own"))
					.isSameAs(context.getBean(ChatClientAssistant.class));
				assertThat(context.getBean(AssistantRegistry.class).ids()).containsExactly("own");
			});
	}

	@Test
	void propertiesHaveTheirDefaults() {
		this.runner.withPropertyValues("acp.ai.assistant-id=helper").run((context) -> {
			AcpSpringAiProperties properties = context.getBean(AcpSpringAiProperties.class);
			assertThat(properties.getHistoryWindow()).isEqualTo(ChatClientAssistant.DEFAULT_HISTORY_WINDOW);
			assertThat(properties.getTextCoalescing()).isEqualTo(TextCoalescing.PER_TURN);
			assertThat(properties.getSystem()).isNull();
			assertThat(properties.isThreadHistory()).isTrue();
		});
	}

	@Test
	void anAssistantFromPropertiesAnswersWithTheToolBeansAndTheSystemText() {
		this.runner
			.withPropertyValues("acp.ai.assistant-id=helper", "acp.ai.system=You answer about the weather.",
					"acp.ai.text-coalescing=final-answer")
			.run((context) -> {
				context.getBean(ScriptedChatModel.class)
					.turn(ScriptedChatModel.text("Let me look."),
							ScriptedChatModel.toolCall("call_1", "weather", "{\"city\":\"Paris\"}"))
					.turn(ScriptedChatModel.text("Sunny."));
				RunResult run = runToTheEnd(context, "helper");
				assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
				assertThat(run.types()).containsExactly("run.started", "reasoning", "tool.call", "tool.result",
						"message", "run.completed");
				assertThat(context.getBean(ScriptedChatModel.class).prompts().get(0).getInstructions().get(0))
					.isInstanceOf(SystemMessage.class)
					.satisfies((message) -> assertThat(message.getText()).isEqualTo("You answer about the weather."));
			});
	}

	@Test
	void customizersBendTheAssistant() {
		this.runner.withPropertyValues("acp.ai.assistant-id=helper")
			.withBean(ChatClientAssistantBuilderCustomizer.class,
					() -> (builder) -> builder
						.toolCallApproval((ctx, call) -> Mono.just(ToolCallDecision.deny("not today"))))
			.run((context) -> {
				context.getBean(ScriptedChatModel.class)
					.turn(ScriptedChatModel.toolCall("call_1", "weather", "{\"city\":\"Paris\"}"))
					.turn(ScriptedChatModel.text("I may not."));
				Event result = runToTheEnd(context, "helper").events()
					.stream()
					.filter((event) -> event.type().wireName().equals("tool.result"))
					.findFirst()
					.orElseThrow();
				assertThat(result.payload().toString()).contains("tool_denied").contains("not today");
			});
	}

	@Test
	void cancellingTheRunAsRestAndSocketIoDoCancelsTheModelsStream() throws InterruptedException {
		ScriptedChatModel.EndlessTurn turn = new ScriptedChatModel.EndlessTurn();
		this.runner.withPropertyValues("acp.ai.assistant-id=helper").run((context) -> {
			context.getBean(ScriptedChatModel.class).turn(turn.chunks());
			Run run = start(context, "helper");
			turn.awaitStreaming();
			assertThat(context.getBean(AcpOperations.class).cancelRun(alice, run.id()).block(WAIT)).isTrue();
			turn.awaitCancelled();
			RunResult result = awaitEnd(context, run);
			assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
			assertThat(result.types()).containsExactly("run.started", "run.cancelled");
		});
	}

	@Test
	void aModelThatNeverAnswersIsCancelledAtTheRunTimeout() throws InterruptedException {
		ScriptedChatModel.EndlessTurn turn = new ScriptedChatModel.EndlessTurn();
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		this.runner.withPropertyValues("acp.ai.assistant-id=helper")
			.withBean(RunExecutorBuilderCustomizer.class, () -> (builder) -> builder.timer(timer))
			.run((context) -> {
				context.getBean(ScriptedChatModel.class).turn(turn.chunks());
				Run run = start(context, "helper");
				turn.awaitStreaming();
				timer.advanceTimeBy(context.getBean(AcpProperties.class).getRunTimeout());
				RunResult result = awaitEnd(context, run);
				assertThat(result.status()).isEqualTo(RunStatus.FAILED);
				assertThat(result.error().code()).isEqualTo("timeout");
				turn.awaitCancelled();
			});
	}

	@Test
	void theClientsAndTheToolsObservationsNestUnderTheRunsHandler() {
		this.runner.withPropertyValues("acp.ai.assistant-id=helper").run((context) -> {
			context.getBean(ScriptedChatModel.class)
				.turn(ScriptedChatModel.toolCall("call_1", "weather", "{\"city\":\"Paris\"}"))
				.turn(ScriptedChatModel.text("Sunny."));
			runToTheEnd(context, "helper");
			StartedObservations observations = context.getBean(StartedObservations.class);
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(ancestors(observations, "spring.ai.chat.client")).contains("acp.run.handler", "acp.run");
				assertThat(ancestors(observations, "spring.ai.tool")).contains("spring.ai.chat.client",
						"acp.run.handler");
			});
		});
	}

	@Test
	void theHowTosJavaBlockIsTheExample() {
		assertThat(CodeSnippets
			.disagreements(Path.of("../docs/how-to/back-an-acp-assistant-with-a-spring-ai-chatclient.md"), Path.of("")))
			.isEmpty();
	}

	@Test
	void theHowTosAssistantAnswersWithItsFinalTextAfterItsTools() {
		this.runner.withUserConfiguration(HelperAssistantConfiguration.class).run((context) -> {
			context.getBean(ScriptedChatModel.class)
				.turn(ScriptedChatModel.text("Looking it up."),
						ScriptedChatModel.toolCall("call_1", "weather", "{\"city\":\"Paris\"}"))
				.turn(ScriptedChatModel.text("Sunny."));
			RunResult result = runToTheEnd(context, "helper");
			assertThat(result.types()).containsExactly("run.started", "reasoning", "tool.call", "tool.result",
					"message", "run.completed");
		});
	}

	private static List<String> ancestors(StartedObservations observations, String name) {
		Observation.Context context = observations.started.stream()
			.filter((candidate) -> name.equals(candidate.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no observation " + name));
		List<String> names = new ArrayList<>();
		for (var parent = context.getParentObservation(); parent != null; parent = parent.getContextView()
			.getParentObservation()) {
			names.add(parent.getContextView().getName());
		}
		return names;
	}

	/**
	 * Posts a message to a new thread, invokes the assistant and waits for the run's end.
	 */
	private static RunResult runToTheEnd(ApplicationContext context, String assistant) {
		return awaitEnd(context, start(context, assistant));
	}

	private static Run start(ApplicationContext context, String assistant) {
		ThreadStore store = context.getBean(ThreadStore.class);
		AcpThread thread = store.createThread(NewThread.withTenant(TenantScope.PUBLIC), alice).block(WAIT).thread();
		store.addMember(thread.id(), Identity.assistant(assistant, assistant), "member", alice).block(WAIT);
		store
			.append(new Event(AcpIds.event(), thread.id(), null, alice, Instant.now(), Map.of(), null,
					new EventPayload.Message(List.of(new ContentPart.Text("weather?")))))
			.block(WAIT);
		return context.getBean(AssistantRuns.class)
			.invoke(thread.id(), InvocationRequest.of(List.of(assistant), alice, null, null))
			.block(WAIT)
			.runs()
			.get(0)
			.run();
	}

	private static RunResult awaitEnd(ApplicationContext context, Run run) {
		ThreadStore store = context.getBean(ThreadStore.class);
		await().atMost(WAIT).until(() -> store.findRun(run.id()).block(WAIT).status().isTerminal());
		List<Event> log = store.replay(run.threadId(), null, 1_000).block(WAIT).events();
		return new RunResult(store.findRun(run.id()).block(WAIT),
				log.stream().filter((event) -> run.id().equals(event.runId())).toList());
	}

	@Configuration(proxyBeanMethods = false)
	static class SpringAiConfiguration {

		@Bean
		StartedObservations startedObservations() {
			return new StartedObservations();
		}

		@Bean
		ObservationRegistry observationRegistry(StartedObservations started) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(started);
			return registry;
		}

		@Bean
		InMemoryThreadStore threadStore(Clock clock) {
			return new InMemoryThreadStore(clock);
		}

		@Bean
		ScriptedChatModel chatModel() {
			return new ScriptedChatModel();
		}

		@Bean
		@Scope("prototype")
		ChatClient.Builder chatClientBuilder(ChatModel chatModel, ObservationRegistry observations) {
			return ChatClient.builder(chatModel, observations, null, null);
		}

		@Bean
		ToolCallingManager toolCallingManager(ObservationRegistry observations) {
			return ToolCallingManager.builder().observationRegistry(observations).build();
		}

		@Bean
		ToolCallbackProvider weatherTools() {
			return MethodToolCallbackProvider.builder().toolObjects(new WeatherTools()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnAssistantConfiguration {

		@Bean
		@AcpAssistant("own")
		ChatClientAssistant ownAssistant(ChatClient.Builder chatClient) {
			return ChatClientAssistant.builder(chatClient.build()).build();
		}

	}

	/**
	 * Keeps the context of every observation started.
	 */
	static class StartedObservations implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> started = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(Observation.Context context) {
			this.started.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
