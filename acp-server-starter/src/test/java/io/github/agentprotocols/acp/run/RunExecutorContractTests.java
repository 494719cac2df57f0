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

package io.github.agentprotocols.acp.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.github.agentprotocols.acp.AcpAnalyticsSink;
import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AnalyticsEvent;
import io.github.agentprotocols.acp.AnalyticsTracker;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventSink;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadDeletion;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.ThreadStoreUnavailableException;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The run executor (spec §6 and the run items of the §10 checklist) on a
 * {@link ThreadStore}, run by every store implementation. The fixture is §10's: alice
 * creates thread T with tenant {@code {org:A}} and adds the assistants; {@code helper},
 * {@code slow}, {@code boom}, {@code chain} and {@code d0}…{@code d9} behave as §10 says.
 */
public abstract class RunExecutorContractTests {

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final Identity alice = new Identity(IdentityRole.USER, "alice", "Alice",
			Map.of("tenant", Map.of("org", "A", "ws", "X")));

	private static final List<String> ASSISTANTS = List.of("helper", "slow", "boom", "chain", "d0", "d1", "d2", "d3",
			"d4", "d5", "d6", "d7", "d8", "d9", "quiet", "thrower", "hang", "forger", "repeater", "probe", "inspector",
			"self", "tracker", "doomed", "remote", "gate", "counter", "burst1", "burst2", "burst3");

	private final RecordingBroadcastListener listener = new RecordingBroadcastListener();

	private final List<RunExecutor> executors = new ArrayList<>();

	private final RecordingSink sink = new RecordingSink();

	private ThreadStore store;

	private DefaultAcpBroadcaster broadcaster;

	private AssistantRegistry assistants;

	private RunExecutor runs;

	private AcpThread thread;

	private int setupEvents;

	/**
	 * Creates the store under test, empty.
	 * @return the store
	 */
	protected abstract ThreadStore createStore();

	/**
	 * The clock the store tells time with, for the executor's provisional times.
	 * @return the clock
	 */
	protected abstract Clock clock();

	/**
	 * Makes every stored run heartbeat older by the given duration, as if that much time
	 * had passed since.
	 * @param duration how much older
	 */
	protected abstract void ageHeartbeats(Duration duration);

	@BeforeEach
	void createThreadWithAssistants() {
		this.store = createStore();
		this.broadcaster = new DefaultAcpBroadcaster(this.listener);
		this.assistants = fixtureAssistants();
		this.thread = block(this.store.createThread(new NewThread(TenantScope.of(Map.of("org", "A")), null), alice))
			.thread();
		for (String assistant : ASSISTANTS) {
			block(this.store.addMember(this.thread.id(), Identity.assistant(assistant, assistant.toUpperCase()),
					"member", alice));
		}
		this.setupEvents = log().size();
		this.runs = executor(settings());
	}

	@AfterEach
	void cancelWhatIsLeft() {
		for (RunExecutor executor : this.executors) {
			executor.ownedRunIds().forEach(executor::cancelLocal);
			await().atMost(WAIT).until(() -> executor.ownedRunIds().isEmpty());
		}
	}

	// §6.2 canonical sequences

	@Test
	@SpecItem("ACP-10.20")
	void helperRunsTheCanonicalHappyPath() {
		Invocation invocation = invoke("helper");
		assertThat(invocation.anyCreated()).isTrue();
		Run run = invocation.runs().get(0).run();
		assertThat(run.status()).isIn(RunStatus.PENDING, RunStatus.RUNNING);
		Run ended = awaitEnded(run);
		assertThat(ended.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(ended.completedAt()).isNotNull();
		assertThat(ended.error()).isNull();
		List<Event> events = runLog(run);
		assertThat(types(events)).containsExactly("run.started", "reasoning", "tool.call", "tool.result", "message",
				"run.completed");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.runId()).isEqualTo(run.id());
			assertThat(event.author().id()).isEqualTo("helper");
		});
		assertThat(events.get(2).payload()).isEqualTo(new EventPayload.ToolCall("call_1", "search", Map.of("q", "w")));
		assertThat(events.get(3).payload()).isEqualTo(new EventPayload.ToolResult("call_1", Map.of("t", 72L), null));
		awaitStatuses(run, RunStatus.PENDING, RunStatus.RUNNING, RunStatus.COMPLETED);
		assertThat(this.listener.events(this.thread.id())).containsSubsequence(events);
	}

	@Test
	void handlerYieldingNothingStartsAndCompletes() {
		Run run = awaitEnded(invoke("quiet").runs().get(0).run());
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(types(runLog(run))).containsExactly("run.started", "run.completed");
	}

	@Test
	void executorBuiltFromItsStoreAndAssistantsAloneRunsAHandlerThroughAFunnelOfItsOwn() {
		RunExecutor executor = RunExecutor.builder(this.store, this.assistants).build();
		this.executors.add(executor);
		Run run = invoke(executor, "quiet").runs().get(0).run();
		AtomicReference<Run> ended = new AtomicReference<>();
		await().atMost(WAIT).until(() -> {
			ended.set(block(this.store.findRun(run.id())));
			return ended.get().status().isTerminal();
		});
		assertThat(ended.get().status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(types(runLog(run))).containsExactly("run.started", "run.completed");
		assertThat(this.listener.statusesOf(run.id())).as("nothing reaches the test's funnel").isEmpty();
	}

	@Test
	void aBlockingHandlerIsSubscribedOnTheHandlersSchedulerAndOneThatDoesNotBlockWhereItsRunStarts() {
		Scheduler handlers = Schedulers.newSingle("test-handlers");
		try {
			RunExecutor executor = RunExecutor.builder(this.store, this.assistants)
				.broadcaster(this.broadcaster)
				.handlers(handlers)
				.build();
			this.executors.add(executor);
			Map<String, String> subscribedOn = new ConcurrentHashMap<>();
			this.assistants.register("probe", (context, send) -> Flux.defer(() -> {
				subscribedOn.put("probe", Thread.currentThread().getName());
				return Flux.just(send.reasoning("may block"));
			}), "test");
			this.assistants.register("remote", new AssistantHandler() {

				@Override
				public Publisher<Event> handle(HandlerContext context, HandlerSend send) {
					return Flux.defer(() -> {
						subscribedOn.put("remote", Thread.currentThread().getName());
						return Flux.just(send.reasoning("never blocks"));
					});
				}

				@Override
				public boolean isBlocking() {
					return false;
				}

			}, "test");
			for (String assistant : List.of("probe", "remote")) {
				assertThat(awaitEnded(invoke(executor, assistant).runs().get(0).run()).status())
					.isEqualTo(RunStatus.COMPLETED);
			}
			assertThat(subscribedOn.get("probe")).startsWith("test-handlers");
			assertThat(subscribedOn.get("remote")).isNotNull().doesNotStartWith("test-handlers");
		}
		finally {
			handlers.dispose();
		}
	}

	@Test
	@SpecItem("ACP-10.27")
	void handlerThatThrowsFailsWithHandlerErrorAndTheThreadStaysUsable() {
		Run run = awaitEnded(invoke("boom").runs().get(0).run());
		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.error().code()).isEqualTo("handler_error");
		assertThat(run.error().message()).contains("boom");
		List<Event> events = runLog(run);
		assertThat(types(events)).containsExactly("run.started", "reasoning", "run.failed");
		assertThat(events.get(2).payload()).isEqualTo(new EventPayload.RunFailed(run.error()));
		awaitStatuses(run, RunStatus.PENDING, RunStatus.RUNNING, RunStatus.FAILED);
		assertThreadStaysUsable("boom");
	}

	@Test
	void handlerThrowingWithoutMessageFailsWithItsClassName() {
		Run run = awaitEnded(invoke("thrower").runs().get(0).run());
		assertThat(run.error()).isEqualTo(new RunError("handler_error", UnsupportedOperationException.class.getName()));
		assertThat(types(runLog(run))).containsExactly("run.started", "run.failed");
	}

	@Test
	@SpecItem("ACP-10.26")
	void handlerHangingPastTheTimeoutFailsWithTimeoutKeepingWhatItYieldedBefore() {
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		RunExecutor executor = executor(settings().withRunTimeout(Duration.ofSeconds(1)), timer);
		Run slow = invoke(executor, "slow").runs().get(0).run();
		awaitStatuses(slow, RunStatus.PENDING, RunStatus.RUNNING);
		slow = timeOut(slow, timer);
		assertThat(slow.status()).isEqualTo(RunStatus.FAILED);
		assertThat(slow.error()).isEqualTo(new RunError("timeout", "run exceeded 1s"));
		assertThat(types(runLog(slow))).containsExactly("run.started", "run.failed");
		Run hanging = invoke(executor, "hang").runs().get(0).run();
		await().atMost(WAIT).until(() -> types(runLog(hanging)).contains("reasoning"));
		Run hang = timeOut(hanging, timer);
		assertThat(hang.error().code()).isEqualTo("timeout");
		assertThat(types(runLog(hang))).containsExactly("run.started", "reasoning", "run.failed");
		assertThat(invoke(executor, "slow").anyCreated()).as("slow can be invoked again").isTrue();
	}

	@Test
	@SpecItem("ACP-10.28")
	void cancellingARunningRunEndsItCancelledOnce() {
		Run slow = invoke("slow").runs().get(0).run();
		awaitStatuses(slow, RunStatus.PENDING, RunStatus.RUNNING);
		block(this.runs.cancel(slow));
		Run ended = awaitEnded(slow);
		assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
		assertThat(types(runLog(slow))).containsExactly("run.started", "run.cancelled");
		awaitStatuses(slow, RunStatus.PENDING, RunStatus.RUNNING, RunStatus.CANCELLED);
		int logged = log().size();
		block(this.runs.cancel(ended));
		assertThat(log()).hasSize(logged);
		assertThat(this.listener.statusesOf(slow.id())).hasSize(3);
	}

	@Test
	@SpecItem("ACP-10.30")
	void cancellingAPendingRunEndsItWithoutStartingIt() {
		RunExecutor executor = executor(settings().withConcurrency(1));
		Run slow = invoke(executor, "slow").runs().get(0).run();
		awaitStatuses(slow, RunStatus.PENDING, RunStatus.RUNNING);
		Run helper = invoke(executor, "helper").runs().get(0).run();
		assertThat(executor.queuedRuns()).isOne();
		block(executor.cancel(helper));
		Run ended = awaitEnded(helper);
		assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
		assertThat(types(runLog(helper))).containsExactly("run.cancelled");
		awaitStatuses(helper, RunStatus.PENDING, RunStatus.CANCELLED);
		assertThat(executor.queuedRuns()).isZero();
	}

	@Test
	void cancellationRecordedByAnotherInstanceReachesTheRunningRun() {
		CancelRequestWatcher watcher = new CancelRequestWatcher(this.store, this.runs, Duration.ofMillis(100));
		watcher.start();
		try {
			Run slow = invoke("slow").runs().get(0).run();
			awaitStatuses(slow, RunStatus.PENDING, RunStatus.RUNNING);
			block(this.store.requestCancel(slow.id()));
			assertThat(awaitEnded(slow).status()).isEqualTo(RunStatus.CANCELLED);
			assertThat(types(runLog(slow))).containsExactly("run.started", "run.cancelled");
		}
		finally {
			watcher.stop();
		}
	}

	@Test
	void elementsProducedAfterCancellationAreDiscarded() {
		Sinks.Many<String> texts = Sinks.many().unicast().onBackpressureBuffer();
		this.assistants.register("remote", (context, send) -> texts.asFlux().map(send::reasoning), "test");
		Run run = invoke("remote").runs().get(0).run();
		texts.tryEmitNext("before");
		await().atMost(WAIT).until(() -> types(runLog(run)).contains("reasoning"));
		block(this.runs.cancel(run));
		awaitEnded(run);
		assertThat(texts.currentSubscriberCount()).as("the handler's subscription is cancelled").isZero();
		texts.tryEmitNext("after");
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "run.cancelled");
	}

	// §6.3 accepted elements and failures

	@Test
	@SpecItem("ACP-10.34")
	void elementsThatAreNotTheRunsOwnFailItWithInvalidEventUnpersisted() {
		AcpThread other = block(this.store.createThread(new NewThread(TenantScope.of(Map.of("org", "A")), null), alice))
			.thread();
		AtomicReference<Event> forged = new AtomicReference<>();
		this.assistants.register("forger", (context, send) -> Mono.fromSupplier(() -> {
			Event own = send.reasoning("forged");
			Run run = context.run();
			Event event = switch ((String) run.metadata().get("variant")) {
				case "foreign thread" -> new Event(own.id(), other.id(), run.id(), own.author(), own.createdAt(),
						Map.of(), null, own.payload());
				case "foreign run" -> new Event(own.id(), own.threadId(), "run_foreign", own.author(), own.createdAt(),
						Map.of(), null, own.payload());
				case "foreign author" -> new Event(own.id(), own.threadId(), run.id(),
						Identity.assistant("helper", "Helper"), own.createdAt(), Map.of(), null, own.payload());
				case "run event" -> new Event(own.id(), own.threadId(), run.id(), own.author(), own.createdAt(),
						Map.of(), null, new EventPayload.RunCompleted());
				default -> new Event(own.id(), own.threadId(), null, own.author(), own.createdAt(), Map.of(), null,
						new EventPayload.ThreadCreated(own.threadId(), TenantScope.PUBLIC));
			};
			forged.set(event);
			return event;
		}), "test");
		for (String variant : List.of("foreign thread", "foreign run", "foreign author", "run event", "thread event")) {
			Run run = awaitEnded(
					invoke(InvocationRequest.of(List.of("forger"), alice, null, Map.of("variant", variant))).runs()
						.get(0)
						.run());
			assertThat(run.error().code()).as(variant).isEqualTo("invalid_event");
			assertThat(types(runLog(run))).as(variant).containsExactly("run.started", "run.failed");
			String forgedId = forged.get().id();
			assertThat(log()).extracting(Event::id).as(variant).doesNotContain(forgedId);
			assertThat(block(this.store.replay(other.id(), null, Integer.MAX_VALUE)).events()).extracting(Event::id)
				.as(variant)
				.doesNotContain(forgedId);
		}
		assertThreadStaysUsable("forger");
	}

	@Test
	void anEventIdUsedTwiceFailsTheRunWithInternalError() {
		Run run = awaitEnded(invoke("repeater").runs().get(0).run());
		assertThat(run.error().code()).isEqualTo("internal_error");
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "run.failed");
	}

	@Test
	void storeFailureWhilePersistingFailsTheRunWithInternalError() {
		ThreadStore failingAppends = failing(this.store,
				(event) -> event.type() == EventType.TOOL_CALL && "helper".equals(event.author().id()));
		RunExecutor executor = RunExecutor.builder(failingAppends, this.assistants)
			.broadcaster(this.broadcaster)
			.settings(settings())
			.clock(clock())
			.build();
		this.executors.add(executor);
		Run run = awaitEnded(invoke(executor, "helper").runs().get(0).run());
		assertThat(run.error()).isEqualTo(new RunError("internal_error", "internal error"));
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "run.failed");
	}

	// §6.3 backpressure, §6.4 context

	@Test
	void theNextElementIsRequestedOnlyAfterThePreviousWasPersistedAndBroadcast() {
		List<String> requests = new CopyOnWriteArrayList<>();
		AtomicReference<String> runId = new AtomicReference<>();
		this.assistants.register("probe", (context, send) -> {
			runId.set(context.run().id());
			return Flux.<Event, Integer>generate(() -> 0, (i, events) -> {
				if (i < 3) {
					events.next(send.reasoning("r" + i));
				}
				else {
					events.complete();
				}
				return i + 1;
			}).doOnRequest((n) -> requests.add(n + " after " + reasoningsBroadcast(runId.get())));
		}, "test");
		Run run = awaitEnded(invoke("probe").runs().get(0).run());
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "reasoning", "reasoning",
				"run.completed");
		assertThat(requests).containsExactly("1 after 0", "1 after 1", "1 after 2", "1 after 3");
	}

	@Test
	void contextShowsTheRunItsThreadTheHistoryAndTheMembers() {
		AtomicReference<List<Object>> seen = new AtomicReference<>();
		this.assistants.register("inspector", (context, send) -> Flux.concat(Mono.just(send.reasoning("first")),
				Mono.zip(context.events(), context.events(2), context.members()).map((history) -> {
					seen.set(List.of(context.thread(), context.run(), context.assistant(), history.getT1(),
							history.getT2(), history.getT3()));
					return send.reasoning("second");
				})), "test");
		Run run = awaitEnded(invoke("inspector").runs().get(0).run());
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		List<Event> runEvents = runLog(run);
		assertThat(seen.get().get(0)).isEqualTo(this.thread);
		assertThat(((Run) seen.get().get(1)).status()).isEqualTo(RunStatus.RUNNING);
		assertThat(((Run) seen.get().get(1)).id()).isEqualTo(run.id());
		assertThat(seen.get().get(2)).isEqualTo(Identity.assistant("inspector", "INSPECTOR"));
		List<Event> history = events(seen.get().get(3));
		assertThat(history).hasSize(this.setupEvents + 2).endsWith(runEvents.get(0), runEvents.get(1));
		assertThat(events(seen.get().get(4))).containsExactly(runEvents.get(0), runEvents.get(1));
		assertThat(members(seen.get().get(5))).extracting(ThreadMember::identityId).startsWith("alice", "helper");
	}

	@Test
	void callbackSinkEmissionsCompleteOnlyOnceTheEventWasPersistedAndBroadcast() {
		List<Boolean> broadcastWhenConfirmed = new CopyOnWriteArrayList<>();
		this.assistants.register("probe",
				AssistantHandler.sink((context, send, sink) -> Flux.range(0, 3).concatMap((i) -> {
					Event event = send.reasoning("s" + i);
					return sink.emit(event)
						.doOnSuccess((done) -> broadcastWhenConfirmed.add(this.listener.events(this.thread.id())
							.stream()
							.anyMatch((broadcast) -> broadcast.id().equals(event.id()))));
				}).then()), "test");
		Run run = awaitEnded(invoke("probe").runs().get(0).run());
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "reasoning", "reasoning",
				"run.completed");
		assertThat(broadcastWhenConfirmed).containsExactly(true, true, true);
	}

	@Test
	void callbackSinkHandlerIsCancelledWithItsRunAndLaterEmissionsAreRefused() {
		AtomicReference<EventSink> sink = new AtomicReference<>();
		AtomicReference<HandlerSend> factories = new AtomicReference<>();
		AtomicBoolean cancelled = new AtomicBoolean();
		this.assistants.register("remote", AssistantHandler.sink((context, send, events) -> {
			sink.set(events);
			factories.set(send);
			return events.emit(send.reasoning("before")).then(Mono.<Void>never()).doOnCancel(() -> cancelled.set(true));
		}), "test");
		Run run = invoke("remote").runs().get(0).run();
		await().atMost(WAIT).until(() -> types(runLog(run)).contains("reasoning"));
		block(this.runs.cancel(run));
		awaitEnded(run);
		assertThat(cancelled).isTrue();
		assertThatExceptionOfType(CancellationException.class)
			.isThrownBy(() -> block(sink.get().emit(factories.get().reasoning("after"))));
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "run.cancelled");
	}

	@Test
	void callbackSinkHandlerThatFailsFailsTheRun() {
		this.assistants.register("remote",
				AssistantHandler.sink((context, send, sink) -> sink.emit(send.reasoning("before"))
					.then(Mono.error(new IllegalStateException("sink handler failed")))),
				"test");
		Run run = awaitEnded(invoke("remote").runs().get(0).run());
		assertThat(run.error()).isEqualTo(new RunError("handler_error", "sink handler failed"));
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "run.failed");
	}

	// §6.7 chaining

	@Test
	@SpecItem("ACP-10.31")
	void chainingCreatesARunTriggeredByTheInvokingAssistant() {
		Run chain = awaitEnded(invoke("chain").runs().get(0).run());
		assertThat(chain.status()).isEqualTo(RunStatus.COMPLETED);
		Run helper = awaitRunOf("helper");
		assertThat(helper.triggeredBy().id()).isEqualTo("chain");
		assertThat(helper.chainDepth()).isOne();
		assertThat(helper.parentRunId()).isEqualTo(chain.id());
		assertThat(awaitEnded(helper).status()).isEqualTo(RunStatus.COMPLETED);
		Event message = runLog(chain).get(1);
		assertThat(message.payload())
			.isEqualTo(new EventPayload.Message(List.of(new ContentPart.Text("chained " + helper.id()))));
	}

	@Test
	@SpecItem("ACP-10.32")
	void chainDepthIsLimited() {
		invoke("d0");
		Run d8 = awaitEnded(awaitRunOf("d8"));
		assertThat(d8.chainDepth()).isEqualTo(8);
		assertThat(d8.error()).isEqualTo(new RunError("handler_error", "chain depth exceeded: 8"));
		for (int i = 0; i < 8; i++) {
			assertThat(awaitEnded(awaitRunOf("d" + i)).status()).isEqualTo(RunStatus.COMPLETED);
		}
		assertThat(this.listener.runUpdates()).extracting(Run::assistantId)
			.doesNotContain("d9")
			.filteredOn((assistantId) -> assistantId.startsWith("d"))
			.containsOnly("d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8");
		assertThat(this.listener.runUpdates().stream().map(Run::id).distinct()).hasSize(9);
	}

	@Test
	void invokingItselfReturnsTheCurrentRun() {
		AtomicReference<String> invoked = new AtomicReference<>();
		this.assistants.register("self",
				(context, send) -> context.invoke("self").doOnNext((run) -> invoked.set(run.id())).then(Mono.empty()),
				"test");
		Run run = awaitEnded(invoke("self").runs().get(0).run());
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(invoked.get()).isEqualTo(run.id());
		assertThat(this.listener.runUpdates()).extracting(Run::id).containsOnly(run.id());
	}

	@Test
	@SpecItem("ACP-10.21")
	void unregisteredAssistantIsNotFoundAndNoRunIsCreated() {
		assertThatExceptionOfType(AcpException.class).isThrownBy(() -> invoke("helper", "nope"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.NOT_FOUND))
			.withMessage("assistant not registered: nope");
		assertThat(block(this.store.activeRuns(this.thread.id()).collectList())).isEmpty();
		assertThat(this.listener.runUpdates()).isEmpty();
	}

	// §6.8 analytics

	@Test
	@SpecItem("ACP-10.33")
	void analyticsArriveInOneBatchAfterTheRunCompleted() {
		RunExecutor executor = executorWithAnalytics(100);
		Run run = awaitEnded(invoke(executor, "tracker").runs().get(0).run());
		await().atMost(WAIT).until(() -> this.sink.batches.size() == 1);
		List<AnalyticsEvent> batch = this.sink.batches.get(0);
		assertThat(batch).hasSize(2).allSatisfy((event) -> {
			assertThat(event.name()).isEqualTo("llm.call");
			assertThat(event.properties()).isEqualTo(Map.of("m", "x"));
			assertThat(event.threadId()).isEqualTo(this.thread.id());
			assertThat(event.runId()).isEqualTo(run.id());
			assertThat(event.assistantId()).isEqualTo("tracker");
			assertThat(event.timestamp()).isNotNull();
		});
		assertThat(this.sink.terminalBroadcastSeen).containsExactly(true);
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "run.completed");
	}

	@Test
	@SpecItem("ACP-10.33")
	void analyticsBatchesAreFlushedEarlyAtTheMaximumSize() {
		RunExecutor executor = executorWithAnalytics(1);
		Run run = awaitEnded(invoke(executor, "tracker").runs().get(0).run());
		await().atMost(WAIT).until(() -> this.sink.batches.size() == 2);
		assertThat(this.sink.batches).allSatisfy((batch) -> assertThat(batch).singleElement()
			.satisfies((event) -> assertThat(event.runId()).isEqualTo(run.id())));
	}

	@Test
	void aBlockedAnalyticsSinkNeverSlowsTheRun() {
		CountDownLatch release = new CountDownLatch(1);
		this.sink.blockUntil = release;
		RunExecutor executor = executorWithAnalytics(1);
		Run run = awaitEnded(invoke(executor, "tracker").runs().get(0).run());
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		release.countDown();
		await().atMost(WAIT).until(() -> this.sink.batches.size() == 2);
	}

	@Test
	void aFailingAnalyticsSinkChangesNothing() {
		this.sink.failure = new IllegalStateException("sink down");
		RunExecutor executor = executorWithAnalytics(1);
		Run run = awaitEnded(invoke(executor, "tracker").runs().get(0).run());
		await().atMost(WAIT).until(() -> this.sink.calls.get() == 2);
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
	}

	@Test
	void trackingAfterTheRunEndedIsIgnored() {
		AtomicReference<AnalyticsTracker> tracker = new AtomicReference<>();
		this.assistants.register("remote", (context, send) -> {
			tracker.set(context.analytics());
			return Flux.empty();
		}, "test");
		RunExecutor executor = executorWithAnalytics(1);
		Run ended = awaitEnded(invoke(executor, "remote").runs().get(0).run());
		// a run stops tracking when released, after its terminal status was broadcast
		await().atMost(WAIT).until(() -> !executor.ownedRunIds().contains(ended.id()));
		tracker.get().track("late");
		awaitEnded(invoke(executor, "tracker").runs().get(0).run());
		await().atMost(WAIT).until(() -> this.sink.batches.size() == 2);
		assertThat(this.sink.batches).flatMap((batch) -> batch)
			.extracting(AnalyticsEvent::name)
			.containsOnly("llm.call");
	}

	// §5.7 ordering

	@Test
	void broadcastsOfOneThreadFollowTheLogOrderUnderConcurrentRunsAndMessages() {
		Flux<Object> runsAndMessages = Flux.merge(
				Flux.just("burst1", "burst2", "burst3")
					.flatMap((assistant) -> this.runs
						.invoke(this.thread.id(), InvocationRequest.of(List.of(assistant), alice, null, null))
						.subscribeOn(Schedulers.parallel())),
				Flux.range(0, 30)
					.flatMap((i) -> this.broadcaster
						.publish(this.thread.id(),
								this.store.append(new EventDraft(null, List.of(new ContentPart.Text("m" + i)), null)
									.toEvent(AcpIds.event(), this.thread.id(), alice, clock().instant())))
						.subscribeOn(Schedulers.parallel())));
		runsAndMessages.blockLast(WAIT);
		await().atMost(WAIT)
			.until(() -> this.listener.runUpdates()
				.stream()
				.filter((run) -> run.status() == RunStatus.COMPLETED)
				.count() == 3);
		List<Event> logged = log().subList(this.setupEvents, log().size());
		assertThat(logged).hasSize(30 + 3 * (2 + 20));
		assertThat(this.listener.events(this.thread.id())).containsExactlyElementsOf(logged);
		for (int i = 1; i < logged.size(); i++) {
			assertThat(logged.get(i).createdAt()).isAfter(logged.get(i - 1).createdAt());
		}
	}

	// §6.1 concurrency

	@Test
	void aThousandConcurrentInvocationsWithOneIdempotencyKeyExecuteOneRun() {
		AtomicInteger executed = new AtomicInteger();
		this.assistants.register("counter", (context, send) -> Flux.defer(() -> {
			executed.incrementAndGet();
			return Flux.just(send.reasoning("counted"));
		}), "test");
		List<Invocation> invocations = Flux.range(0, 1000)
			.flatMap((i) -> this.runs
				.invoke(this.thread.id(), InvocationRequest.of(List.of("counter"), alice, "K", null))
				.subscribeOn(Schedulers.parallel()), 1000)
			.collectList()
			.block(WAIT);
		assertThat(invocations).hasSize(1000);
		assertThat(invocations.stream().map((invocation) -> invocation.runs().get(0).run().id()).distinct()).hasSize(1);
		assertThat(invocations.stream().filter(Invocation::anyCreated)).hasSize(1);
		Run run = awaitEnded(invocations.get(0).runs().get(0).run());
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(executed).hasValue(1);
		assertThat(types(runLog(run))).containsExactly("run.started", "reasoning", "run.completed");
	}

	@Test
	@SpecItem("ACP-10.23")
	void fiftyConcurrentInvocationsOfOneAssistantLeaveOneActiveRun() {
		List<Invocation> invocations = Flux.range(0, 50)
			.flatMap((i) -> this.runs.invoke(this.thread.id(), InvocationRequest.of(List.of("slow"), alice, null, null))
				.subscribeOn(Schedulers.parallel()), 50)
			.collectList()
			.block(WAIT);
		assertThat(invocations.stream().map((invocation) -> invocation.runs().get(0).run().id()).distinct()).hasSize(1);
		assertThat(invocations.stream().filter(Invocation::anyCreated)).hasSize(1);
		Run slow = invocations.get(0).runs().get(0).run();
		awaitStatuses(slow, RunStatus.PENDING, RunStatus.RUNNING);
		assertThat(block(this.store.activeRuns(this.thread.id()).collectList())).extracting(Run::id)
			.containsExactly(slow.id());
		assertThat(types(runLog(slow))).containsExactly("run.started");
	}

	// §6.9 watchdog and shutdown, §8 E1

	@Test
	void watchdogFailsAnOrphanButNeitherARunningNorAHealthyPendingRun() {
		RunExecutor executor = executor(settings().withConcurrency(1));
		Run slow = invoke(executor, "slow").runs().get(0).run();
		awaitStatuses(slow, RunStatus.PENDING, RunStatus.RUNNING);
		Run pending = invoke(executor, "helper").runs().get(0).run();
		Run orphan = block(
				this.store.invoke(this.thread.id(), InvocationRequest.of(List.of("boom"), alice, null, null)))
			.runs()
			.get(0)
			.run();
		ageHeartbeats(Duration.ofSeconds(61));
		RunWatchdog watchdog = new RunWatchdog(this.store, this.broadcaster, executor, Duration.ofSeconds(30),
				Duration.ofSeconds(30));
		block(watchdog.check());
		Run failed = block(this.store.findRun(orphan.id()));
		assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo("timeout");
		assertThat(types(runLog(orphan))).containsExactly("run.failed");
		assertThat(this.listener.statusesOf(orphan.id())).containsExactly(RunStatus.FAILED);
		assertThat(block(this.store.findRun(slow.id())).status()).isEqualTo(RunStatus.RUNNING);
		assertThat(block(this.store.findRun(pending.id())).status()).isEqualTo(RunStatus.PENDING);
	}

	@Test
	void shutdownRefusesInvocationsAndLetsRunsEndWithinTheGrace() {
		Sinks.Empty<Void> gate = Sinks.empty();
		this.assistants.register("gate",
				(context, send) -> gate.asMono().then(Mono.fromSupplier(() -> send.reasoning("through"))), "test");
		RunExecutor executor = executor(settings().withShutdownGrace(WAIT));
		executor.start();
		Run run = invoke(executor, "gate").runs().get(0).run();
		awaitStatuses(run, RunStatus.PENDING, RunStatus.RUNNING);
		CompletableFuture<Void> stopped = executor.shutdown().toFuture();
		assertThatExceptionOfType(AcpException.class).isThrownBy(() -> invoke(executor, "helper"))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(503));
		assertThat(stopped).as("shutdown waits for the run").isNotDone();
		gate.tryEmitEmpty();
		assertThat(stopped).succeedsWithin(WAIT);
		assertThat(block(this.store.findRun(run.id())).status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(executor.isRunning()).isFalse();
	}

	@Test
	void shutdownFailsRunsStillActiveAfterTheGraceInterrupted() {
		RunExecutor executor = executor(settings().withConcurrency(1).withShutdownGrace(Duration.ofMillis(200)));
		Run slow = invoke(executor, "slow").runs().get(0).run();
		awaitStatuses(slow, RunStatus.PENDING, RunStatus.RUNNING);
		Run queued = invoke(executor, "helper").runs().get(0).run();
		block(executor.shutdown());
		RunError interrupted = new RunError("interrupted", "server shutting down");
		assertThat(block(this.store.findRun(slow.id())).error()).isEqualTo(interrupted);
		assertThat(types(runLog(slow))).containsExactly("run.started", "run.failed");
		assertThat(block(this.store.findRun(queued.id())).error()).isEqualTo(interrupted);
		assertThat(types(runLog(queued))).containsExactly("run.failed");
		assertThat(executor.ownedRunIds()).isEmpty();
	}

	@Test
	@SpecItem("ACP-10.52")
	void runsOfADeletedThreadAreAbandonedSilently() {
		AtomicBoolean sleeping = new AtomicBoolean();
		AtomicBoolean cancelled = new AtomicBoolean();
		this.assistants.register("doomed", (context, send) -> {
			context.analytics().track("before sleep");
			return Mono.delay(Duration.ofSeconds(30))
				.map((tick) -> send.reasoning("too late"))
				.doOnSubscribe((subscription) -> sleeping.set(true))
				.doOnCancel(() -> cancelled.set(true));
		}, "test");
		RunExecutor executor = executorWithAnalytics(100);
		Run run = invoke(executor, "doomed").runs().get(0).run();
		awaitStatuses(run, RunStatus.PENDING, RunStatus.RUNNING);
		// running is broadcast before the handler is subscribed
		await().atMost(WAIT).until(sleeping::get);
		ThreadDeletion deletion = block(this.store.deleteThread(this.thread.id()));
		assertThat(deletion.abortedRuns()).extracting(Run::id).containsExactly(run.id());
		executor.abandon(deletion.abortedRuns());
		await().atMost(WAIT).until(cancelled::get);
		await().atMost(WAIT).until(() -> executor.ownedRunIds().isEmpty());
		await().atMost(WAIT).until(() -> this.sink.batches.size() == 1);
		assertThat(this.sink.batches.get(0)).extracting(AnalyticsEvent::name).containsExactly("before sleep");
		assertThat(this.listener.statusesOf(run.id())).containsExactly(RunStatus.PENDING, RunStatus.RUNNING);
		assertThat(block(this.store.findRun(run.id()))).isNull();
	}

	private AssistantRegistry fixtureAssistants() {
		AssistantRegistry registry = new AssistantRegistry();
		registry.register("helper",
				(context, send) -> Flux.just(send.reasoning("thinking"),
						send.toolCall("search", Map.of("q", "w"), "call_1"), send.toolResult("call_1", Map.of("t", 72)),
						send.message(List.of(new ContentPart.Text("done")))),
				"fixture");
		registry.register("slow", (context, send) -> Mono.delay(Duration.ofSeconds(30))
			.map((tick) -> send.message(List.of(new ContentPart.Text("slept")))), "fixture");
		registry.register("boom", (context, send) -> Flux.concat(Mono.just(send.reasoning("about to fail")),
				Mono.error(new IllegalStateException("boom"))), "fixture");
		registry.register("chain", (context, send) -> context.invoke("helper")
			.map((run) -> send.message(List.of(new ContentPart.Text("chained " + run.id())))), "fixture");
		for (int i = 0; i < 9; i++) {
			String next = "d" + (i + 1);
			registry.register("d" + i, (context, send) -> context.invoke(next).then(Mono.empty()), "fixture");
		}
		registry.register("d9", (context, send) -> Flux.empty(), "fixture");
		registry.register("quiet", (context, send) -> Flux.empty(), "fixture");
		registry.register("thrower", (context, send) -> {
			throw new UnsupportedOperationException();
		}, "fixture");
		registry.register("hang",
				(context, send) -> Flux.concat(Mono.just(send.reasoning("still thinking")), Mono.never()), "fixture");
		registry.register("repeater", (context, send) -> {
			Event once = send.reasoning("once");
			return Flux.just(once, once);
		}, "fixture");
		registry.register("tracker", (context, send) -> Flux.defer(() -> {
			context.analytics().track("llm.call", Map.of("m", "x"));
			context.analytics().track("llm.call", Map.of("m", "x"));
			return Flux.just(send.reasoning("tracked"));
		}), "fixture");
		for (String burst : List.of("burst1", "burst2", "burst3")) {
			registry.register(burst,
					(context, send) -> Flux.range(0, 20).map((i) -> send.reasoning(context.assistant().id() + i)),
					"fixture");
		}
		return registry;
	}

	private RunSettings settings() {
		return RunSettings.defaults().withConcurrency(16);
	}

	private RunExecutor executor(RunSettings settings) {
		return executor(settings, Schedulers.parallel());
	}

	private RunExecutor executor(RunSettings settings, Scheduler timer) {
		RunExecutor executor = RunExecutor.builder(this.store, this.assistants)
			.broadcaster(this.broadcaster)
			.settings(settings)
			.clock(clock())
			.timer(timer)
			.build();
		this.executors.add(executor);
		return executor;
	}

	/**
	 * Lets a running run's time run out on the virtual timer (again until it has ended:
	 * the run's timeout may not be scheduled yet when its status reads running).
	 */
	private Run timeOut(Run run, VirtualTimeScheduler timer) {
		await().atMost(WAIT).until(() -> {
			timer.advanceTimeBy(Duration.ofSeconds(1));
			return block(this.store.findRun(run.id())).status().isTerminal();
		});
		return awaitEnded(run);
	}

	private RunExecutor executorWithAnalytics(int maxBatchSize) {
		RunExecutor executor = RunExecutor.builder(this.store, this.assistants)
			.broadcaster(this.broadcaster)
			.analyticsSink(this.sink)
			.settings(settings().withAnalyticsMaxBatchSize(maxBatchSize))
			.clock(clock())
			.build();
		this.executors.add(executor);
		this.sink.listener = this.listener;
		return executor;
	}

	private Invocation invoke(String... assistantIds) {
		return invoke(this.runs, assistantIds);
	}

	private Invocation invoke(RunExecutor executor, String... assistantIds) {
		return block(executor.invoke(this.thread.id(), InvocationRequest.of(List.of(assistantIds), alice, null, null)));
	}

	private Invocation invoke(InvocationRequest request) {
		return block(this.runs.invoke(this.thread.id(), request));
	}

	private void assertThreadStaysUsable(String failedAssistant) {
		assertThat(block(this.store.activeRuns(this.thread.id()).collectList())).isEmpty();
		assertThat(awaitEnded(invoke("helper").runs().get(0).run()).status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(invoke(failedAssistant).anyCreated()).isTrue();
	}

	private Run awaitEnded(Run run) {
		AtomicReference<Run> ended = new AtomicReference<>();
		await().atMost(WAIT).until(() -> {
			ended.set(block(this.store.findRun(run.id())));
			return ended.get().status().isTerminal();
		});
		await().atMost(WAIT).until(() -> this.listener.statusesOf(run.id()).contains(ended.get().status()));
		return ended.get();
	}

	private Run awaitRunOf(String assistantId) {
		await().atMost(WAIT)
			.until(() -> this.listener.runUpdates().stream().anyMatch((run) -> run.assistantId().equals(assistantId)));
		return this.listener.runUpdates()
			.stream()
			.filter((run) -> run.assistantId().equals(assistantId))
			.findFirst()
			.orElseThrow();
	}

	private void awaitStatuses(Run run, RunStatus... statuses) {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.listener.statusesOf(run.id())).containsExactly(statuses));
	}

	private int reasoningsBroadcast(String runId) {
		return (int) this.listener.events(this.thread.id())
			.stream()
			.filter((event) -> runId.equals(event.runId()) && event.type() == EventType.REASONING)
			.count();
	}

	private List<Event> log() {
		return block(this.store.replay(this.thread.id(), null, Integer.MAX_VALUE)).events();
	}

	private List<Event> runLog(Run run) {
		return log().stream().filter((event) -> run.id().equals(event.runId())).toList();
	}

	private static List<String> types(List<Event> events) {
		return events.stream().map((event) -> event.type().wireName()).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Event> events(Object events) {
		return (List<Event>) events;
	}

	@SuppressWarnings("unchecked")
	private static List<ThreadMember> members(Object members) {
		return (List<ThreadMember>) members;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> T block(Mono<T> mono) {
		return mono.block(WAIT);
	}

	/**
	 * A store whose appends of matching events fail as if the database were unreachable.
	 */
	private static ThreadStore failing(ThreadStore store, Predicate<Event> failingAppends) {
		return (ThreadStore) Proxy.newProxyInstance(ThreadStore.class.getClassLoader(),
				new Class<?>[] { ThreadStore.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("append") && failingAppends.test((Event) arguments[0])) {
						return Mono.error(new ThreadStoreUnavailableException("database down", null));
					}
					try {
						return method.invoke(store, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				});
	}

	/**
	 * An analytics sink recording its batches, and whether the run's terminal status was
	 * already broadcast when each arrived.
	 */
	private static final class RecordingSink implements AcpAnalyticsSink {

		private final List<List<AnalyticsEvent>> batches = new CopyOnWriteArrayList<>();

		private final List<Boolean> terminalBroadcastSeen = Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger calls = new AtomicInteger();

		private volatile RecordingBroadcastListener listener;

		private volatile CountDownLatch blockUntil;

		private volatile RuntimeException failure;

		@Override
		public void onAnalytics(List<AnalyticsEvent> events) {
			this.calls.incrementAndGet();
			if (this.blockUntil != null) {
				awaitLatch(this.blockUntil);
			}
			if (this.failure != null) {
				throw this.failure;
			}
			String runId = events.get(0).runId();
			this.terminalBroadcastSeen.add(this.listener.statusesOf(runId).stream().anyMatch(RunStatus::isTerminal));
			this.batches.add(events);
		}

	}

}
