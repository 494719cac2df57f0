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

package io.github.agentprotocols.acp.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link AcpBroadcaster} of one application instance: a lane per thread, which exists
 * while the thread has a step running, one write at a time or reads side by side, and
 * holds the steps waiting, in their order. A step that may start at once runs on the
 * caller's thread; a waiting step starts on the scheduler once the steps before it ended,
 * and the steps that its end lets start run on the same scheduler thread, one after
 * another (a thousand writes waiting behind one take one hand-off, not a thousand).
 * Listeners are resolved on first use. Each broadcast's delivery is observed as a child
 * of the observation current in the Reactor context of the write's publication.
 */
@Internal
public class DefaultAcpBroadcaster implements AcpBroadcaster {

	private static final Log logger = LogFactory.getLog(DefaultAcpBroadcaster.class);

	private static final ThreadLocal<@Nullable Drain> draining = new ThreadLocal<>();

	private final Supplier<? extends Collection<AcpBroadcastListener>> listeners;

	private final Scheduler scheduler;

	private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

	private volatile @Nullable List<AcpBroadcastListener> resolved;

	private BroadcastObservations observations = BroadcastObservations.NONE;

	/**
	 * Creates a broadcaster delivering to the given listeners.
	 * @param listeners the listeners, in order
	 */
	public DefaultAcpBroadcaster(AcpBroadcastListener... listeners) {
		this(() -> List.of(listeners), Schedulers.boundedElastic());
	}

	/**
	 * Creates a broadcaster that resolves its listeners when it first delivers, so that a
	 * listener may depend on beans that depend on the broadcaster.
	 * @param listeners supplies the listeners, in order, once
	 * @param scheduler where a write that waited for its predecessor starts
	 */
	public DefaultAcpBroadcaster(Supplier<? extends Collection<AcpBroadcastListener>> listeners, Scheduler scheduler) {
		this.listeners = listeners;
		this.scheduler = scheduler;
	}

	/**
	 * Sets how deliveries are observed.
	 * @param observations the observations
	 */
	public void setObservations(BroadcastObservations observations) {
		this.observations = observations;
	}

	@Override
	public <T> Mono<T> publish(String threadId, Mono<T> write, Function<? super T, List<AcpBroadcast>> broadcasts) {
		return Mono.deferContextual((reactor) -> {
			Observation parent = ReactiveObservations.current(reactor);
			AtomicBoolean delivered = new AtomicBoolean();
			return inLane(threadId,
					write.doOnNext((value) -> delivered.set(deliver(threadId, value, broadcasts, parent))), false)
				.delayUntil((value) -> delivered.get() ? passedOn() : Mono.empty());
		});
	}

	@Override
	public <T> Mono<T> read(String threadId, Mono<T> read) {
		return Mono.defer(() -> inLane(threadId, read, true));
	}

	/**
	 * Runs a step in the thread's lane, to its end even if the caller cancels.
	 * @return the step's result
	 */
	private <T> Mono<T> inLane(String threadId, Mono<T> step, boolean read) {
		Sinks.One<T> result = Sinks.one();
		enqueue(threadId, new Step(() -> step.doFinally((signal) -> finished(threadId))
			.subscribe(result::tryEmitValue, result::tryEmitError, result::tryEmitEmpty), read));
		return result.asMono();
	}

	private void enqueue(String threadId, Step step) {
		boolean[] start = new boolean[1];
		this.lanes.compute(threadId, (id, lane) -> {
			Lane current = (lane != null) ? lane : new Lane();
			start[0] = current.admit(step);
			return current;
		});
		if (start[0]) {
			step.task().run();
		}
	}

	/**
	 * Ends a running step and starts what its end lets start: in the drain loop when the
	 * step ended in one of this thread's for the same lane, else in a new drain on the
	 * scheduler.
	 */
	private void finished(String threadId) {
		List<Runnable> starting = new ArrayList<>();
		this.lanes.computeIfPresent(threadId, (id, lane) -> lane.finish(starting) ? lane : null);
		if (starting.isEmpty()) {
			return;
		}
		Drain drain = draining.get();
		if (drain != null && drain.threadId().equals(threadId)) {
			drain.pending().addAll(starting);
			return;
		}
		this.scheduler.schedule(() -> drain(threadId, starting));
	}

	/**
	 * Runs a lane's started steps one after another on this thread, and those that the
	 * ends of these steps start meanwhile.
	 */
	private void drain(String threadId, List<Runnable> started) {
		Drain outer = draining.get();
		Drain drain = new Drain(threadId, new ArrayDeque<>(started));
		draining.set(drain);
		try {
			Runnable task;
			while ((task = drain.pending().poll()) != null) {
				task.run();
			}
		}
		finally {
			draining.set(outer);
		}
	}

	/**
	 * Delivers a write's broadcasts to every listener.
	 * @return whether the write had broadcasts
	 */
	private <T> boolean deliver(String threadId, T value, Function<? super T, List<AcpBroadcast>> broadcasts,
			@Nullable Observation parent) {
		List<AcpBroadcast> notifications;
		try {
			notifications = broadcasts.apply(value);
		}
		catch (RuntimeException ex) {
			logger.error("Could not derive the broadcasts of a write to thread " + threadId, ex);
			return false;
		}
		for (AcpBroadcast broadcast : notifications) {
			this.observations.deliver(broadcast, false, parent, () -> {
				for (AcpBroadcastListener listener : listeners()) {
					try {
						listener.onBroadcast(broadcast);
					}
					catch (RuntimeException ex) {
						logger.warn("Broadcast listener " + listener + " failed on "
								+ broadcast.getClass().getSimpleName() + " for thread " + threadId, ex);
					}
				}
			});
		}
		return !notifications.isEmpty();
	}

	/**
	 * Completes once every listener passed on what it was handed; a listener that fails
	 * to is logged.
	 */
	private Mono<Void> passedOn() {
		return Flux.fromIterable(listeners())
			.flatMap((listener) -> Mono.defer(listener::passedOn).onErrorResume((ex) -> {
				logger.warn("Broadcast listener " + listener + " failed to pass broadcasts on", ex);
				return Mono.empty();
			}))
			.then();
	}

	private List<AcpBroadcastListener> listeners() {
		List<AcpBroadcastListener> listeners = this.resolved;
		if (listeners == null) {
			listeners = List.copyOf(this.listeners.get());
			this.resolved = listeners;
		}
		return listeners;
	}

	/**
	 * A thread's lane: its running steps, a write alone or reads side by side, and the
	 * steps waiting in their order.
	 */
	private static final class Lane {

		private final ArrayDeque<Step> waiting = new ArrayDeque<>();

		private int running;

		private boolean writing;

		/**
		 * Starts a step if it may start now, else puts it in line.
		 * @return whether it starts
		 */
		boolean admit(Step step) {
			if (this.running == 0 || (step.read() && !this.writing && this.waiting.isEmpty())) {
				this.running++;
				this.writing = !step.read();
				return true;
			}
			this.waiting.add(step);
			return false;
		}

		/**
		 * Ends a running step; once none runs, starts the next write or the reads at the
		 * head of the line.
		 * @param starting receives the tasks of the steps that start
		 * @return whether the lane is still in use
		 */
		boolean finish(List<Runnable> starting) {
			this.running--;
			if (this.running > 0) {
				return true;
			}
			Step next = this.waiting.poll();
			if (next == null) {
				return false;
			}
			this.writing = !next.read();
			while (next != null) {
				starting.add(next.task());
				this.running++;
				next = (next.read() && !this.waiting.isEmpty() && this.waiting.peek().read()) ? this.waiting.poll()
						: null;
			}
			return true;
		}

	}

	/**
	 * A write, or a read, waiting for its turn in a lane.
	 */
	private record Step(Runnable task, boolean read) {

	}

	/**
	 * A lane's drain running on the current thread, with the steps it has yet to run.
	 */
	private record Drain(String threadId, ArrayDeque<Runnable> pending) {

	}

}
