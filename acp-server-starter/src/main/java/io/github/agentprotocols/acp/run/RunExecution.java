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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.HandlerSend;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.observation.RunHandlerObservationContext;
import io.github.agentprotocols.acp.observation.RunObservationContext;
import io.github.agentprotocols.commons.observation.ObservationStop;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.commons.observation.ReactiveObservations.Signals;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One run on its way through the executor (spec §6.2): queued until a slot is free, then
 * started, its handler subscribed and each element checked, persisted and broadcast
 * before the next is requested, until the handler completes or fails, the run times out
 * or is stopped from outside; then the terminal transition and the last analytics flush.
 * Whatever ends it first decides the outcome. It is observed from queued to its end, the
 * observation current in the Reactor context of its transitions.
 */
final class RunExecution {

	private static final Log logger = LogFactory.getLog(RunExecution.class);

	private final Run run;

	private final AssistantHandler handler;

	private final Runtime runtime;

	private final RunAnalytics analytics;

	private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);

	private final Sinks.One<RunOutcome> stop = Sinks.one();

	private final Sinks.Empty<Void> ended = Sinks.empty();

	private final RunObservationContext observed;

	private final Observation observation;

	private final ObservationStop ending;

	/**
	 * Queues a run; its observation starts now.
	 * @param parent the observation current where the run was invoked, or {@code null}
	 */
	RunExecution(Run run, AssistantHandler handler, Runtime runtime, RunAnalytics analytics,
			@Nullable Observation parent) {
		this.run = run;
		this.handler = handler;
		this.runtime = runtime;
		this.analytics = analytics;
		this.observed = new RunObservationContext(run);
		this.observation = runtime.observations().run(this.observed, parent).start();
		this.ending = new ObservationStop(this.observation);
	}

	/**
	 * Takes the run out of the queue to execute it.
	 * @return whether it was still queued
	 */
	boolean claim() {
		return this.state.compareAndSet(State.QUEUED, State.STARTED);
	}

	/**
	 * Ends the run with the given outcome: a queued run at once, a started one as soon as
	 * its handler is stopped. The first outcome wins.
	 * @param outcome the outcome
	 * @return whether the run was still queued
	 */
	boolean stop(RunOutcome outcome) {
		if (this.state.compareAndSet(State.QUEUED, State.ENDED)) {
			ReactiveObservations.asParent(this.observation, finish(outcome).doFinally((signal) -> end())).subscribe();
			return true;
		}
		this.stop.tryEmitValue(outcome);
		return false;
	}

	/**
	 * Completes when the run has ended and released its resources.
	 * @return the signal
	 */
	Mono<Void> whenEnded() {
		return this.ended.asMono();
	}

	/**
	 * Executes a {@link #claim() claimed} run.
	 * @return completes when the run has ended
	 */
	Mono<Void> execute() {
		ThreadStore store = this.runtime.store();
		Mono<Void> execution = this.runtime.broadcaster()
			.publish(this.run.threadId(), store.startRun(this.run.id(), this.runtime.node()),
					RunTransitions::broadcasts)
			.flatMap((started) -> store.findThread(this.run.threadId())
				.flatMap((thread) -> handle(thread, started.run()))
				.defaultIfEmpty(RunOutcome.SILENT))
			.onErrorResume((ex) -> {
				logger.error("Could not start run " + this.run.id(), ex);
				return Mono.just(RunOutcome.internalError());
			})
			.flatMap(this::finish)
			.doFinally((signal) -> end());
		return ReactiveObservations.asParent(this.observation, execution);
	}

	/**
	 * Runs the handler within its observation, a child of the run's: current in the
	 * Reactor context of the handler and of the persistence of its events, and in scope
	 * while the handler is called, on the handlers' scheduler unless it does not block.
	 */
	private Mono<RunOutcome> handle(AcpThread thread, Run running) {
		ExecutionContext context = new ExecutionContext(thread, running, this.runtime.store(), this.analytics,
				this.runtime.chaining().apply(running));
		HandlerSend send = new HandlerSend(running, this.runtime.clock());
		RunHandlerObservationContext handling = new RunHandlerObservationContext(running);
		Observation observation = this.runtime.observations().handler(handling, this.observation).start();
		Flux<Event> events = Flux.defer(() -> {
			try (Observation.Scope scope = observation.openScope()) {
				return this.handler.handle(context, send);
			}
		});
		Mono<RunOutcome> handled = ReactiveObservations.asParent(observation,
				(this.handler.isBlocking() ? events.subscribeOn(this.runtime.handlers()) : events)
					.concatMap((event) -> persist(running, event), 0)
					.then(Mono.fromSupplier(RunOutcome::completed))
					.onErrorResume((ex) -> {
						if (ex instanceof Stopped stopped) {
							return Mono.just(stopped.outcome);
						}
						observation.error(ex);
						return Mono.just(RunOutcome.handlerError(ex));
					}));
		Mono<RunOutcome> timedOut = Mono.delay(this.runtime.settings().runTimeout(), this.runtime.timer())
			.map((tick) -> RunOutcome.timeout(this.runtime.settings().runTimeout()));
		return ReactiveObservations.stopOnEnd(observation, Mono.firstWithSignal(this.stop.asMono(), timedOut, handled),
				new Signals<>() {

					@Override
					public void success(@Nullable RunOutcome outcome) {
						if (outcome != null) {
							handling.setOutcome(outcome.label());
						}
					}

					@Override
					public @Nullable Throwable error(Throwable error) {
						// the handler's own failure is recorded where it is caught
						return null;
					}

				});
	}

	private Mono<Void> persist(Run running, Event event) {
		String violation = AcceptedEvents.violation(event, running);
		if (violation != null) {
			return Mono.error(new Stopped(RunOutcome.invalidEvent(violation)));
		}
		return this.runtime.broadcaster()
			.publish(running.threadId(), this.runtime.store().append(event))
			.switchIfEmpty(Mono.error(() -> new Stopped(RunOutcome.SILENT)))
			.onErrorMap((ex) -> !(ex instanceof Stopped), this::storeFailure)
			.then();
	}

	private Stopped storeFailure(Throwable failure) {
		if (failure instanceof AcpException ex && ex.getCode() == AcpErrorCode.NOT_FOUND) {
			return new Stopped(RunOutcome.SILENT);
		}
		logger.error("Could not persist an event of run " + this.run.id(), failure);
		return new Stopped(RunOutcome.internalError());
	}

	private Mono<Void> finish(RunOutcome outcome) {
		RunStatus status = outcome.status();
		RunError error = outcome.error();
		this.observed.setEnd((status != null) ? status.wireName() : null, (error != null) ? error.code() : null);
		if (outcome.isSilent()) {
			return Mono.empty();
		}
		return RunTransitions.finish(this.runtime.store(), this.runtime.broadcaster(), this.run, outcome)
			.onErrorResume((ex) -> {
				logger.error("Could not end run " + this.run.id() + " " + outcome.status().wireName(), ex);
				return Mono.empty();
			});
	}

	private void end() {
		this.state.set(State.ENDED);
		this.analytics.close();
		this.ending.stop();
		this.ended.tryEmitEmpty();
	}

	private enum State {

		QUEUED, STARTED, ENDED

	}

	/**
	 * What an execution needs of its executor.
	 *
	 * @param store the store
	 * @param broadcaster the broadcast funnel
	 * @param settings the settings
	 * @param node the id of this executor, the owner of its runs
	 * @param clock the clock of provisional event times
	 * @param handlers where handlers are subscribed
	 * @param timer where timeouts are measured
	 * @param chaining {@code ctx.invoke} of a running run
	 * @param observations creates the observations of runs and handlers
	 */
	record Runtime(ThreadStore store, AcpBroadcaster broadcaster, RunSettings settings, String node, Clock clock,
			Scheduler handlers, Scheduler timer, Function<Run, Function<String, Mono<Run>>> chaining,
			RunObservations observations) {

	}

	/**
	 * Stops the handler with an outcome that is not the handler's own failure.
	 */
	private static final class Stopped extends RuntimeException {

		private final RunOutcome outcome;

		Stopped(RunOutcome outcome) {
			super(null, null, false, false);
			this.outcome = outcome;
		}

	}

}
