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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.agentprotocols.acp.AcpAnalyticsSink;
import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.observation.RunHandlerObservationConvention;
import io.github.agentprotocols.acp.observation.RunObservationConvention;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * The run executor of spec §6 and the {@link AssistantRuns} of an application instance.
 * Invocations go through the store and the broadcast funnel; each created run is queued
 * and executed as soon as one of {@link RunSettings#concurrency()} slots is free, its
 * handler running under the timeout. Cancellation stops a queued run at once and a
 * running one by cancelling its handler's subscription.
 * <p>
 * As a {@link SmartLifecycle} it heartbeats the runs it holds while it runs, fails the
 * orphaned runs of crashed instances (§6.9), and listens for cancellation requests made
 * on other instances (§6.6). It shuts down gracefully: once stopping it refuses new
 * invocations, waits up to {@link RunSettings#shutdownGrace()} for its runs, then fails
 * the rest {@code interrupted}; its runs keep their heartbeat until then.
 * <p>
 * Each run is observed from queued to its end as a child of the observation current in
 * the Reactor context of its invocation, and its handler as a child of the run's.
 */
public class RunExecutor implements AssistantRuns, SmartLifecycle {

	private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);

	private final ThreadStore store;

	private final AssistantRegistry assistants;

	private final @Nullable AcpAnalyticsSink analyticsSink;

	private final RunExecution.Runtime runtime;

	private final RunWatchdog watchdog;

	private final CancelRequestWatcher cancelRequests;

	private final Map<String, RunExecution> executions = new ConcurrentHashMap<>();

	private final ArrayDeque<RunExecution> queue = new ArrayDeque<>();

	private int executing;

	private volatile boolean accepting = true;

	private volatile boolean interrupting;

	private volatile boolean running;

	private RunExecutor(Builder builder) {
		this.store = builder.store;
		this.assistants = builder.assistants;
		this.analyticsSink = builder.analyticsSink;
		RunSettings settings = builder.settings;
		this.runtime = new RunExecution.Runtime(this.store, builder.broadcaster, settings, "acp-" + UUID.randomUUID(),
				builder.clock, builder.handlers, builder.timer, this::chaining,
				new RunObservations(builder.observationRegistry, builder.runObservationConvention,
						builder.handlerObservationConvention));
		this.watchdog = new RunWatchdog(this.store, builder.broadcaster, this, settings.watchdogInterval(),
				settings.watchdogGrace());
		this.cancelRequests = new CancelRequestWatcher(this.store, this, CancelRequestWatcher.MAX_POLL_INTERVAL);
	}

	/**
	 * Starts building an executor. Unless set, it broadcasts to no listener, discards
	 * analytics, uses {@link RunSettings#defaults()} and the UTC system clock.
	 * @param store the store of threads and runs
	 * @param assistants the registered assistants
	 * @return the builder
	 */
	public static Builder builder(ThreadStore store, AssistantRegistry assistants) {
		return new Builder(store, assistants);
	}

	@Override
	public boolean isRegistered(String assistantId) {
		return this.assistants.isRegistered(assistantId);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Refuses, before anything is written, assistants without a registered handler
	 * ({@code not_found}), a chained request deeper than the maximum chain depth, and any
	 * invocation once the executor is shutting down (503 {@code internal_error}).
	 */
	@Override
	public Mono<Invocation> invoke(String threadId, InvocationRequest request) {
		return Mono.deferContextual((reactor) -> {
			if (!this.accepting) {
				return Mono.error(new AcpException(AcpErrorCode.INTERNAL_ERROR, 503, "server shutting down"));
			}
			for (String assistantId : request.assistantIds()) {
				if (!isRegistered(assistantId)) {
					return Mono.error(AcpException.notFound("assistant not registered: " + assistantId));
				}
			}
			int maxChainDepth = this.runtime.settings().maxChainDepth();
			if (request.chainDepth() > maxChainDepth) {
				return Mono.error(new IllegalStateException("chain depth exceeded: " + maxChainDepth));
			}
			Observation parent = ReactiveObservations.current(reactor);
			// the runs are queued as soon as they are written, and started once the
			// write has left the thread's lane, so that their run.started is not queued
			// behind it
			Mono<Invocation> write = this.store.invoke(threadId, request)
				.doOnNext((invocation) -> invocation.createdRuns().forEach((run) -> submit(run, parent)))
				.doFinally((signal) -> dispatch());
			return this.runtime.broadcaster()
				.publish(threadId, write,
						(invocation) -> invocation.createdRuns()
							.stream()
							.<AcpBroadcast>map(AcpBroadcast.RunUpdated::new)
							.toList());
		});
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Records the request in the store (which tells other instances), then ends a run
	 * this executor holds, or a pending run nobody executes yet; a run running on another
	 * instance is ended by that instance.
	 */
	@Override
	public Mono<Void> cancel(Run run) {
		return this.store.requestCancel(run.id()).flatMap((current) -> {
			if (current.status().isTerminal() || cancelLocal(current.id())) {
				return Mono.empty();
			}
			if (current.status() != RunStatus.PENDING) {
				return Mono.empty();
			}
			return RunTransitions.finish(this.store, this.runtime.broadcaster(), current, RunOutcome.cancelled());
		});
	}

	/**
	 * Cancels a run this executor holds, for a cancellation requested here or on another
	 * instance.
	 * @param runId the run id
	 * @return whether this executor holds the run
	 */
	public boolean cancelLocal(String runId) {
		return stop(runId, RunOutcome.cancelled());
	}

	@Override
	public void abandon(Collection<Run> runs) {
		runs.forEach((run) -> stop(run.id(), RunOutcome.SILENT));
	}

	/**
	 * The runs this executor holds, queued or executing: those it heartbeats.
	 * @return the run ids
	 */
	public Set<String> ownedRunIds() {
		return Set.copyOf(this.executions.keySet());
	}

	/**
	 * How many runs are executing.
	 * @return the number of busy slots
	 */
	public synchronized int executingRuns() {
		return this.executing;
	}

	/**
	 * How many runs wait for a free slot.
	 * @return the queue's length
	 */
	public synchronized int queuedRuns() {
		return this.queue.size();
	}

	/**
	 * The id this executor records as the owner of the runs it starts.
	 * @return the node id
	 */
	public String node() {
		return this.runtime.node();
	}

	private Function<String, Mono<Run>> chaining(Run parent) {
		return (assistantId) -> invoke(parent.threadId(), InvocationRequest.chained(assistantId, parent))
			.map((invocation) -> invocation.runs().get(0).run());
	}

	private void submit(Run run, @Nullable Observation parent) {
		AssistantHandler handler = this.assistants.find(run.assistantId());
		if (handler == null) {
			handler = (context, send) -> Flux
				.error(new IllegalStateException("assistant not registered: " + run.assistantId()));
		}
		RunAnalytics analytics = new RunAnalytics(run, this.analyticsSink,
				this.runtime.settings().analyticsMaxBatchSize(), this.runtime.clock(),
				this.runtime.handlers()::schedule);
		RunExecution execution = new RunExecution(run, handler, this.runtime, analytics, parent);
		this.executions.put(run.id(), execution);
		execution.whenEnded().doFinally((signal) -> this.executions.remove(run.id(), execution)).subscribe();
		synchronized (this) {
			this.queue.add(execution);
		}
		if (!this.accepting) {
			stop(run.id(), RunOutcome.interrupted());
		}
	}

	private boolean stop(String runId, RunOutcome outcome) {
		RunExecution execution = this.executions.get(runId);
		if (execution == null) {
			return false;
		}
		if (execution.stop(outcome)) {
			synchronized (this) {
				this.queue.remove(execution);
			}
		}
		return true;
	}

	private void dispatch() {
		List<RunExecution> starting = new ArrayList<>();
		synchronized (this) {
			while (!this.interrupting && this.executing < this.runtime.settings().concurrency()
					&& !this.queue.isEmpty()) {
				RunExecution next = this.queue.poll();
				if (next.claim()) {
					this.executing++;
					starting.add(next);
				}
			}
		}
		// started on the caller's thread: up to its handler, which it subscribes on the
		// handlers' scheduler, an execution does not block
		for (RunExecution execution : starting) {
			execution.execute().doFinally((signal) -> {
				synchronized (this) {
					this.executing--;
				}
				dispatch();
			}).subscribe();
		}
	}

	@Override
	public void start() {
		this.accepting = true;
		this.interrupting = false;
		this.watchdog.start();
		this.cancelRequests.start();
		this.running = true;
	}

	/**
	 * Shuts down gracefully, blocking until every run held has ended: the lifecycle
	 * thread waits here, so the wait holds even when beans that depend on the executor
	 * stop first.
	 */
	@Override
	public void stop() {
		shutdown().block(this.runtime.settings().shutdownGrace().plus(INTERRUPT_WAIT).multipliedBy(2));
	}

	/**
	 * Refuses new invocations, waits for the runs held, and fails those still active
	 * after the grace period {@code interrupted}; then stops heartbeating and watching
	 * for cancellation requests.
	 * @return completes once every run held has ended and the executor has stopped
	 */
	public Mono<Void> shutdown() {
		return Mono.defer(() -> {
			this.accepting = false;
			return whenAllEnded().timeout(this.runtime.settings().shutdownGrace(), Mono.defer(() -> {
				this.interrupting = true;
				this.executions.keySet().forEach((runId) -> stop(runId, RunOutcome.interrupted()));
				return whenAllEnded().timeout(INTERRUPT_WAIT, Mono.empty());
			}));
		}).doOnTerminate(this::stopChecks).doOnCancel(this::stopChecks);
	}

	/**
	 * Stops heartbeating and watching for cancellation requests before the end of
	 * {@link #shutdown()} is signalled, so that {@link #stop()} returns with the executor
	 * stopped.
	 */
	private void stopChecks() {
		this.watchdog.stop();
		this.cancelRequests.stop();
		this.running = false;
	}

	private Mono<Void> whenAllEnded() {
		return Mono.when(this.executions.values().stream().map(RunExecution::whenEnded).toList());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Builds a {@link RunExecutor}.
	 */
	public static final class Builder {

		private final ThreadStore store;

		private final AssistantRegistry assistants;

		private AcpBroadcaster broadcaster = new DefaultAcpBroadcaster();

		private @Nullable AcpAnalyticsSink analyticsSink;

		private RunSettings settings = RunSettings.defaults();

		private Clock clock = Clock.systemUTC();

		private Scheduler timer = Schedulers.parallel();

		private Scheduler handlers = Schedulers.boundedElastic();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable RunObservationConvention runObservationConvention;

		private @Nullable RunHandlerObservationConvention handlerObservationConvention;

		private Builder(ThreadStore store, AssistantRegistry assistants) {
			this.store = store;
			this.assistants = assistants;
		}

		/**
		 * Sets the broadcast funnel every write goes through.
		 * @param broadcaster the broadcaster
		 * @return this builder
		 */
		public Builder broadcaster(AcpBroadcaster broadcaster) {
			this.broadcaster = broadcaster;
			return this;
		}

		/**
		 * Sets the sink of the runs' analytics events.
		 * @param analyticsSink the sink, or {@code null} to discard analytics
		 * @return this builder
		 */
		public Builder analyticsSink(@Nullable AcpAnalyticsSink analyticsSink) {
			this.analyticsSink = analyticsSink;
			return this;
		}

		/**
		 * Sets how runs are executed.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder settings(RunSettings settings) {
			this.settings = settings;
			return this;
		}

		/**
		 * Sets the clock of provisional event times and analytics timestamps.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Sets the scheduler on which run timeouts elapse: Reactor's parallel scheduler
		 * unless set. A {@code VirtualTimeScheduler} lets a test say when a run's time is
		 * up.
		 * @param timer the scheduler
		 * @return this builder
		 */
		public Builder timer(Scheduler timer) {
			this.timer = timer;
			return this;
		}

		/**
		 * Sets the scheduler on which the assistants' handlers run, which may block:
		 * Reactor's bounded elastic scheduler unless set.
		 * @param handlers the scheduler
		 * @return this builder
		 */
		public Builder handlers(Scheduler handlers) {
			this.handlers = handlers;
			return this;
		}

		/**
		 * Sets the registry runs and their handlers are observed in.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Sets the convention of the runs' observations.
		 * @param convention the convention, or {@code null} for the default one
		 * @return this builder
		 */
		public Builder runObservationConvention(@Nullable RunObservationConvention convention) {
			this.runObservationConvention = convention;
			return this;
		}

		/**
		 * Sets the convention of the handlers' observations.
		 * @param convention the convention, or {@code null} for the default one
		 * @return this builder
		 */
		public Builder handlerObservationConvention(@Nullable RunHandlerObservationConvention convention) {
			this.handlerObservationConvention = convention;
			return this;
		}

		/**
		 * Builds the executor.
		 * @return the executor, not yet started
		 */
		public RunExecutor build() {
			return new RunExecutor(this);
		}

	}

}
