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

package io.github.agentprotocols.lime.sse;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.commons.observation.ReactiveObservations.Signals;
import io.github.agentprotocols.lime.EventObservations;
import io.github.agentprotocols.lime.EventObservations.ObservedEvent;
import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.observation.LimeEventObservationContext.Outcome;
import io.github.agentprotocols.lime.observation.LimeHandlerObservationContext;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Runs the login handlers for each event on a scheduler, never on the caller's thread:
 * the events of one request id one after another, in arrival order, each through every
 * handler in registration order; events of different request ids independently. A handler
 * gets a timeout, counted from when it starts (not while it waits for a thread), after
 * which it is interrupted and the next one runs; one that throws is logged.
 * {@link #dispose() Disposing} drops the queued events and interrupts the running
 * handlers.
 * <p>
 * Each delivery is counted in the {@link LimeMetrics}; the event's observation ends once
 * every handler ran (or the delivery was dropped), and each handler run is an observation
 * of its own, the event's child, current on the handler's thread while it runs.
 */
final class OrderedDelivery {

	private static final Log logger = LogFactory.getLog(OrderedDelivery.class);

	private final List<LimeLoginHandler> handlers;

	private final Scheduler scheduler;

	private final Duration timeout;

	private final LimeMetrics metrics;

	private final EventObservations observations;

	private final Consumer<LimeEvent> handled;

	private final Consumer<LimeEvent> dropped;

	private final Map<String, Queue<ObservedEvent>> lanes = new HashMap<>();

	private final Sinks.One<Boolean> disposed = Sinks.one();

	private boolean stopped;

	/**
	 * Create a delivery.
	 * @param handlers the handlers, in registration order
	 * @param scheduler where the handlers run
	 * @param timeout how long a handler may run
	 * @param metrics counts the deliveries
	 * @param observations observes the handler runs
	 * @param handled told of each event once every handler ran on it, never of one
	 * dropped
	 * @param dropped told of each event dropped before every handler ran on it
	 */
	OrderedDelivery(List<LimeLoginHandler> handlers, Scheduler scheduler, Duration timeout, LimeMetrics metrics,
			EventObservations observations, Consumer<LimeEvent> handled, Consumer<LimeEvent> dropped) {
		this.handlers = List.copyOf(handlers);
		this.scheduler = scheduler;
		this.timeout = timeout;
		this.metrics = metrics;
		this.observations = observations;
		this.handled = handled;
		this.dropped = dropped;
	}

	/**
	 * Queues an event behind the events of the same request id that are still running.
	 * @param event the event, its observation started
	 */
	void submit(ObservedEvent event) {
		String requestId = event.event().requestId();
		synchronized (this.lanes) {
			if (this.stopped) {
				event.end(Outcome.DROPPED);
				return;
			}
			Queue<ObservedEvent> lane = this.lanes.get(requestId);
			if (lane != null) {
				lane.add(event);
				return;
			}
			this.lanes.put(requestId, new ArrayDeque<>());
		}
		deliver(event);
	}

	/**
	 * Whether an event of a request id is queued or its handlers are running.
	 * @param requestId the request id
	 * @return whether it is on its way to the handlers
	 */
	boolean isDelivering(String requestId) {
		synchronized (this.lanes) {
			return this.lanes.containsKey(requestId);
		}
	}

	/**
	 * Drops the queued events and interrupts the running handlers.
	 */
	void dispose() {
		List<ObservedEvent> dropped = new ArrayList<>();
		synchronized (this.lanes) {
			this.stopped = true;
			this.lanes.values().forEach(dropped::addAll);
			this.lanes.clear();
		}
		this.disposed.tryEmitValue(true);
		dropped.forEach((event) -> {
			event.end(Outcome.DROPPED);
			this.dropped.accept(event.event());
		});
	}

	private void deliver(ObservedEvent event) {
		this.metrics.eventDelivered((event.event().passportJwt() != null) ? "approved" : "expired");
		// every handler ran, also when the delivery is disposed right after
		AtomicBoolean ran = new AtomicBoolean();
		Flux.fromIterable(this.handlers)
			.concatMap((handler) -> invoke(handler, event))
			.then(Mono.fromRunnable(() -> ran.set(true)))
			.takeUntilOther(this.disposed.asMono())
			.doFinally((signal) -> {
				boolean dropped = !ran.get();
				event.end(dropped ? Outcome.DROPPED : Outcome.DELIVERED);
				if (!dropped) {
					this.handled.accept(event.event());
				}
				else {
					this.dropped.accept(event.event());
				}
				next(event.event().requestId());
			})
			.subscribe();
	}

	private void next(String requestId) {
		ObservedEvent next;
		synchronized (this.lanes) {
			Queue<ObservedEvent> lane = this.lanes.get(requestId);
			if (lane == null || this.stopped) {
				return;
			}
			next = lane.poll();
			if (next == null) {
				this.lanes.remove(requestId);
				return;
			}
		}
		deliver(next);
	}

	private Mono<Void> invoke(LimeLoginHandler handler, ObservedEvent observed) {
		return Mono.defer(() -> {
			LimeEvent event = observed.event();
			LimeHandlerObservationContext context = EventObservations.handlerContext(event, handler);
			Observation observation = this.observations.handler(context, observed).start();
			Sinks.Empty<Void> started = Sinks.empty();
			Mono<Void> run = Mono.<Void>fromRunnable(() -> {
				started.tryEmitEmpty();
				try (Observation.Scope scope = observation.openScope()) {
					handler.onLogin(event.requestId(), event.passportJwt());
				}
			}).subscribeOn(this.scheduler).timeout(started.asMono().then(Mono.delay(this.timeout)));
			return ReactiveObservations.stopOnEnd(observation, run, new Signals<>() {

				@Override
				public Throwable error(Throwable ex) {
					context.setOutcome((ex instanceof TimeoutException) ? LimeHandlerObservationContext.Outcome.TIMEOUT
							: LimeHandlerObservationContext.Outcome.ERROR);
					return ex;
				}

			}).onErrorResume((ex) -> {
				log(handler, event, ex);
				return Mono.empty();
			});
		});
	}

	private void log(LimeLoginHandler handler, LimeEvent event, Throwable ex) {
		if (ex instanceof TimeoutException) {
			logger.warn("LIME login handler " + handler + " timed out after " + this.timeout + " on request "
					+ event.requestId() + " and was interrupted");
		}
		else {
			logger.error("LIME login handler " + handler + " failed on request " + event.requestId(), ex);
		}
	}

}
