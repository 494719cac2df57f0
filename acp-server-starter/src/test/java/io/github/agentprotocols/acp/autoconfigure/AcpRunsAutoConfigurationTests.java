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

package io.github.agentprotocols.acp.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.AcpAnalyticsSink;
import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AnalyticsEvent;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import io.github.agentprotocols.acp.run.RunExecutor;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.BackgroundWorkProbe;
import io.github.agentprotocols.testsupport.VirtualThreads;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AcpRunsAutoConfiguration}.
 */
class AcpRunsAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static final Identity alice = Identity.user("alice", "Alice");

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class, AcpRunsAutoConfiguration.class));

	private final ApplicationContextRunner withStore = this.runner.withUserConfiguration(StoreConfiguration.class);

	@Test
	void withoutAThreadStoreConfiguresNoRuns() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpRunsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(AssistantRuns.class);
				assertThat(context).doesNotHaveBean(AcpBroadcaster.class);
			});
	}

	@Test
	void withAThreadStoreConfiguresTheExecutorAndItsCompanions() {
		this.withStore.run((context) -> {
			assertThat(context).hasSingleBean(AssistantRegistry.class);
			assertThat(context).getBean(AcpBroadcaster.class).isInstanceOf(DefaultAcpBroadcaster.class);
			assertThat(context).getBean(AssistantRuns.class).isInstanceOf(RunExecutor.class);
			assertThat(context.getBean(RunExecutor.class).isRunning()).isTrue();
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.withStore.withPropertyValues("acp.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AssistantRuns.class);
			assertThat(context).doesNotHaveBean(AcpProperties.class);
		});
	}

	@Test
	void applicationBeansReplaceTheBroadcasterAndTheRuns() {
		AcpBroadcaster broadcaster = new DefaultAcpBroadcaster();
		AssistantRuns runs = Mockito.mock(AssistantRuns.class);
		this.withStore.withBean(AcpBroadcaster.class, () -> broadcaster)
			.withBean(AssistantRuns.class, () -> runs)
			.run((context) -> {
				assertThat(context).getBean(AcpBroadcaster.class).isSameAs(broadcaster);
				assertThat(context).getBean(AssistantRuns.class).isSameAs(runs);
				assertThat(context).doesNotHaveBean(RunExecutor.class);
			});
	}

	@Test
	void runPropertiesHaveTheDefaultsOfSpec9() {
		this.withStore.run((context) -> {
			AcpProperties properties = context.getBean(AcpProperties.class);
			assertThat(properties.getRunTimeout()).isEqualTo(Duration.ofSeconds(120));
			assertThat(properties.getMaxChainDepth()).isEqualTo(8);
			assertThat(properties.getAnalytics().getMaxBatchSize()).isEqualTo(100);
			assertThat(properties.getWatchdog().getInterval()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getWatchdog().getGrace()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getShutdown().getGrace()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.getExecutor().getConcurrency()).isEqualTo(256);
		});
	}

	@Test
	void runPropertiesBindToTheNamesOfSpec9() {
		this.withStore
			.withPropertyValues("acp.run-timeout=1s", "acp.max-chain-depth=3", "acp.analytics.max-batch-size=5",
					"acp.watchdog.interval=10s", "acp.watchdog.grace=5s", "acp.shutdown.grace=2s",
					"acp.executor.concurrency=4")
			.run((context) -> {
				AcpProperties properties = context.getBean(AcpProperties.class);
				assertThat(properties.getRunTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.getMaxChainDepth()).isEqualTo(3);
				assertThat(properties.getAnalytics().getMaxBatchSize()).isEqualTo(5);
				assertThat(properties.getWatchdog().getInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.getWatchdog().getGrace()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getShutdown().getGrace()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getExecutor().getConcurrency()).isEqualTo(4);
			});
	}

	@Test
	void invalidRunPropertiesFailStartUp() {
		this.withStore.withPropertyValues("acp.executor.concurrency=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("concurrency must be at least 1"));
	}

	@Test
	void assistantsAreRegisteredFromAnnotatedClassesBeanMethodsAndHandlerMethods() {
		this.withStore.withUserConfiguration(AssistantsConfiguration.class).run((context) -> {
			AssistantRuns runs = context.getBean(AssistantRuns.class);
			assertThat(context.getBean(AssistantRegistry.class).ids()).containsExactlyInAnyOrder("annotated", "lambda",
					"both", "send-only", "no-arguments");
			for (String assistant : List.of("annotated", "lambda", "both", "send-only")) {
				Run run = runToTheEnd(context, assistant);
				assertThat(run.status()).as(assistant).isEqualTo(RunStatus.COMPLETED);
				assertThat(runEvents(context, run)).as(assistant)
					.extracting(Event::type)
					.containsExactly(EventType.RUN_STARTED, EventType.MESSAGE, EventType.RUN_COMPLETED);
			}
			Run quiet = runToTheEnd(context, "no-arguments");
			assertThat(runEvents(context, quiet)).extracting(Event::type)
				.containsExactly(EventType.RUN_STARTED, EventType.RUN_COMPLETED);
			assertThat(runs.isRegistered("nope")).isFalse();
		});
	}

	@Test
	void handlersRunOnVirtualThreadsWhenTheApplicationDoesAndTheJvmHasThem() {
		this.withStore.withUserConfiguration(ThreadRecordingAssistantConfiguration.class)
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> {
				assertThat(runToTheEnd(context, "threads").status()).isEqualTo(RunStatus.COMPLETED);
				Thread handlerThread = context.getBean(ThreadRecordingAssistant.class).thread();
				assertThat(VirtualThreads.isVirtual(handlerThread)).isEqualTo(VirtualThreads.available());
				if (VirtualThreads.available()) {
					assertThat(handlerThread.getName()).startsWith("acp-handler-");
				}
			});
	}

	@Test
	void handlersRunOnPlatformThreadsByDefault() {
		this.withStore.withUserConfiguration(ThreadRecordingAssistantConfiguration.class).run((context) -> {
			assertThat(runToTheEnd(context, "threads").status()).isEqualTo(RunStatus.COMPLETED);
			Thread handlerThread = context.getBean(ThreadRecordingAssistant.class).thread();
			assertThat(VirtualThreads.isVirtual(handlerThread)).isFalse();
			assertThat(handlerThread.getName()).startsWith("boundedElastic-");
		});
	}

	@Test
	void aHandlerMethodThatThrowsFailsItsRunWithTheExceptionsMessage() {
		this.withStore.withUserConfiguration(ThrowingAssistantConfiguration.class).run((context) -> {
			Run run = runToTheEnd(context, "throwing");
			assertThat(run.error().code()).isEqualTo("handler_error");
			assertThat(run.error().message()).isEqualTo("checked failure");
		});
	}

	@Test
	void duplicateAssistantIdsFailStartUp() {
		this.withStore.withUserConfiguration(DuplicateAssistantsConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Assistant id 'twice' is registered twice"));
	}

	@Test
	void anAssistantHandlerBeanWithoutAnIdFailsStartUp() {
		this.withStore.withBean("anonymous", AssistantHandler.class, () -> (context, send) -> Flux.empty())
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("AssistantHandler bean 'anonymous' has no assistant id"));
	}

	@Test
	void aHandlerMethodWithTheWrongSignatureFailsStartUp() {
		this.withStore.withUserConfiguration(WrongSignatureConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("may only take a HandlerContext and a HandlerSend"));
	}

	@Test
	void listenerAndAnalyticsSinkBeansAreUsed() {
		this.withStore.withUserConfiguration(AssistantsConfiguration.class, ObserversConfiguration.class)
			.run((context) -> {
				Run run = runToTheEnd(context, "annotated");
				RecordingBroadcastListener listener = context.getBean(RecordingBroadcastListener.class);
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(listener.statusesOf(run.id())).containsExactly(RunStatus.PENDING,
							RunStatus.RUNNING, RunStatus.COMPLETED));
				RecordingSink sink = context.getBean(RecordingSink.class);
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(sink.events).extracting(AnalyticsEvent::name)
						.containsExactly("annotated.ran"));
			});
	}

	@Test
	void runExecutorCustomizerChangesOneOptionAndKeepsTheRest() {
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.withStore.withUserConfiguration(WaitingAssistantConfiguration.class, ObserversConfiguration.class)
			.withPropertyValues("acp.run-timeout=1h")
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean(RunExecutorBuilderCustomizer.class, () -> (builder) -> builder.timer(timer))
			.run((context) -> {
				ThreadStore store = context.getBean(ThreadStore.class);
				Run run = invoke(context, "waiting");
				context.getBean(WaitingAssistantConfiguration.class).handling.get(WAIT.toSeconds(), TimeUnit.SECONDS);
				timer.advanceTimeBy(Duration.ofMinutes(59));
				assertThat(store.findRun(run.id()).block(WAIT).status()).isEqualTo(RunStatus.RUNNING);
				timer.advanceTimeBy(Duration.ofMinutes(1));
				await().atMost(WAIT).until(() -> store.findRun(run.id()).block(WAIT).status().isTerminal());
				Run ended = store.findRun(run.id()).block(WAIT);
				assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
				assertThat(ended.error().code()).isEqualTo("timeout");
				RecordingBroadcastListener listener = context.getBean(RecordingBroadcastListener.class);
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(listener.statusesOf(run.id())).containsExactly(RunStatus.PENDING,
							RunStatus.RUNNING, RunStatus.FAILED));
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(observations).hasObservationWithNameEqualTo("acp.run")
						.that()
						.hasBeenStopped()
						.hasLowCardinalityKeyValue("acp.run.error.code", "timeout"));
			});
	}

	@Test
	void closingTheContextEndsRunsInterruptedEvenWithLifecycleBeansDependingOnTheRunsAndLeavesNothingRunning()
			throws InterruptedException {
		try (BackgroundWorkProbe probe = BackgroundWorkProbe.start()) {
			ThreadStore[] store = new ThreadStore[1];
			Run[] run = new Run[1];
			this.withStore
				.withUserConfiguration(SleepyAssistantConfiguration.class, DependentLifecycleConfiguration.class)
				.withPropertyValues("acp.shutdown.grace=100ms")
				.withInitializer(probe.initializer())
				.run((context) -> {
					store[0] = context.getBean(ThreadStore.class);
					run[0] = invoke(context, "sleepy");
					await().atMost(WAIT)
						.until(() -> store[0].findRun(run[0].id()).block(WAIT).status() == RunStatus.RUNNING);
				});
			Run ended = store[0].findRun(run[0].id()).block(WAIT);
			assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
			assertThat(ended.error().code()).isEqualTo("interrupted");
			probe.assertNothingLeft(Duration.ofMillis(500));
		}
	}

	private static Run invoke(ApplicationContext context, String assistant) {
		ThreadStore store = context.getBean(ThreadStore.class);
		AcpThread thread = store.createThread(NewThread.withTenant(TenantScope.PUBLIC), alice).block(WAIT).thread();
		store.addMember(thread.id(), Identity.assistant(assistant, assistant), "member", alice).block(WAIT);
		return context.getBean(AssistantRuns.class)
			.invoke(thread.id(), InvocationRequest.of(List.of(assistant), alice, null, null))
			.block(WAIT)
			.runs()
			.get(0)
			.run();
	}

	private static Run runToTheEnd(ApplicationContext context, String assistant) {
		ThreadStore store = context.getBean(ThreadStore.class);
		Run run = invoke(context, assistant);
		await().atMost(WAIT).until(() -> store.findRun(run.id()).block(WAIT).status().isTerminal());
		return store.findRun(run.id()).block(WAIT);
	}

	private static List<Event> runEvents(ApplicationContext context, Run run) {
		return context.getBean(ThreadStore.class)
			.replay(run.threadId(), null, Integer.MAX_VALUE)
			.block(WAIT)
			.events()
			.stream()
			.filter((event) -> run.id().equals(event.runId()))
			.toList();
	}

	private static Event done(HandlerSend send) {
		return send.message(List.of(new ContentPart.Text("done")));
	}

	@Configuration(proxyBeanMethods = false)
	static class StoreConfiguration {

		@Bean
		InMemoryThreadStore threadStore(Clock clock) {
			return new InMemoryThreadStore(clock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AssistantsConfiguration {

		@Bean
		AnnotatedAssistant annotatedAssistant() {
			return new AnnotatedAssistant();
		}

		@Bean
		@AcpAssistant("lambda")
		AssistantHandler lambdaAssistant() {
			return (context, send) -> Mono.just(done(send));
		}

		@Bean
		MethodAssistants methodAssistants() {
			return new MethodAssistants();
		}

	}

	@AcpAssistant("annotated")
	static class AnnotatedAssistant implements AssistantHandler {

		@Override
		public Flux<Event> handle(HandlerContext context, HandlerSend send) {
			return Flux.defer(() -> {
				context.analytics().track("annotated.ran");
				return Flux.just(done(send));
			});
		}

	}

	static class MethodAssistants {

		@AcpAssistant("both")
		Flux<Event> both(HandlerContext context, HandlerSend send) {
			return Flux.just(send.message(List.of(new ContentPart.Text(context.assistant().id()))));
		}

		@AcpAssistant("send-only")
		Mono<Event> sendOnly(HandlerSend send) {
			return Mono.just(done(send));
		}

		@AcpAssistant("no-arguments")
		Flux<Event> noArguments() {
			return Flux.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingAssistantConfiguration {

		@Bean
		ThrowingAssistant throwingAssistant() {
			return new ThrowingAssistant();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThreadRecordingAssistantConfiguration {

		@Bean
		ThreadRecordingAssistant threadRecordingAssistant() {
			return new ThreadRecordingAssistant();
		}

	}

	static class ThreadRecordingAssistant {

		private final CompletableFuture<Thread> thread = new CompletableFuture<>();

		@AcpAssistant("threads")
		Mono<Event> record(HandlerSend send) {
			return Mono.fromCallable(() -> {
				this.thread.complete(Thread.currentThread());
				return done(send);
			});
		}

		Thread thread() throws Exception {
			return this.thread.get(1, TimeUnit.MINUTES);
		}

	}

	static class ThrowingAssistant {

		@AcpAssistant("throwing")
		Flux<Event> fail() throws Exception {
			throw new Exception("checked failure");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SleepyAssistantConfiguration {

		@Bean
		@AcpAssistant("sleepy")
		AssistantHandler sleepy() {
			return (context, send) -> Mono.delay(Duration.ofMinutes(5)).map((tick) -> done(send));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WaitingAssistantConfiguration {

		private final CompletableFuture<Void> handling = new CompletableFuture<>();

		@Bean
		@AcpAssistant("waiting")
		AssistantHandler waiting() {
			return (context, send) -> {
				this.handling.complete(null);
				return Flux.never();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DependentLifecycleConfiguration {

		@Bean
		SmartLifecycle dependsOnTheRuns(AssistantRuns runs) {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					this.running = runs.isRegistered("sleepy");
				}

				@Override
				public void stop() {
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateAssistantsConfiguration {

		@Bean
		@AcpAssistant("twice")
		AssistantHandler first() {
			return (context, send) -> Flux.empty();
		}

		@Bean
		@AcpAssistant("twice")
		AssistantHandler second() {
			return (context, send) -> Flux.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrongSignatureConfiguration {

		@Bean
		WrongSignature wrongSignature() {
			return new WrongSignature();
		}

	}

	static class WrongSignature {

		@AcpAssistant("wrong")
		Flux<Event> wrong(String text) {
			return Flux.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObserversConfiguration {

		@Bean
		RecordingBroadcastListener recordingBroadcastListener() {
			return new RecordingBroadcastListener();
		}

		@Bean
		RecordingSink recordingSink() {
			return new RecordingSink();
		}

	}

	static class RecordingSink implements AcpAnalyticsSink {

		private final List<AnalyticsEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onAnalytics(List<AnalyticsEvent> events) {
			this.events.addAll(events);
		}

	}

}
