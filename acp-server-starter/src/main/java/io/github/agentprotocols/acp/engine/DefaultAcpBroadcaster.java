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
 * The {@link AcpBroadcaster} of one application instance: a serial lane per thread, which
 * exists while the thread has a write running and holds the writes waiting behind it. The
 * first write of an idle lane runs on the caller's thread; a waiting write starts on the
 * scheduler once its predecessor is delivered, and the writes behind it run on the same
 * scheduler thread, one after another, for as long as each ends before its task returns
 * (a thousand sockets joining one thread take one hand-off, not a thousand). Listeners
 * are resolved on first use. Each broadcast's delivery is observed as a child of the
 * observation current in the Reactor context of the write's publication.
 */
@Internal
public class DefaultAcpBroadcaster implements AcpBroadcaster {

	private static final Log logger = LogFactory.getLog(DefaultAcpBroadcaster.class);

	private static final ThreadLocal<@Nullable Drain> draining = new ThreadLocal<>();

	private final Supplier<? extends Collection<AcpBroadcastListener>> listeners;

	private final Scheduler scheduler;

	private final Map<String, ArrayDeque<Runnable>> lanes = new ConcurrentHashMap<>();

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
			Sinks.One<T> result = Sinks.one();
			AtomicBoolean delivered = new AtomicBoolean();
			enqueue(threadId,
					() -> write.doOnNext((value) -> delivered.set(deliver(threadId, value, broadcasts, parent)))
						.doFinally((signal) -> next(threadId))
						.subscribe(result::tryEmitValue, result::tryEmitError, result::tryEmitEmpty));
			return result.asMono().delayUntil((value) -> delivered.get() ? passedOn() : Mono.empty());
		});
	}

	private void enqueue(String threadId, Runnable task) {
		boolean[] idle = new boolean[1];
		this.lanes.compute(threadId, (id, waiting) -> {
			if (waiting == null) {
				idle[0] = true;
				return new ArrayDeque<>();
			}
			waiting.add(task);
			return waiting;
		});
		if (idle[0]) {
			task.run();
		}
	}

	/**
	 * Starts the write waiting behind the one that just ended, if any: in the drain loop
	 * when the ended write ran in one of this thread's, else in a new drain on the
	 * scheduler.
	 */
	private void next(String threadId) {
		Drain drain = draining.get();
		if (drain != null && drain.threadId.equals(threadId) && !drain.proceed) {
			drain.proceed = true;
			return;
		}
		Runnable next = poll(threadId);
		if (next != null) {
			this.scheduler.schedule(() -> drain(threadId, next));
		}
	}

	/**
	 * Runs a lane's waiting writes one after another on this thread, as long as each ends
	 * before its task returns; a write that ends later starts the next itself.
	 */
	private void drain(String threadId, Runnable first) {
		Drain outer = draining.get();
		Drain drain = new Drain(threadId);
		draining.set(drain);
		try {
			Runnable task = first;
			while (task != null) {
				drain.proceed = false;
				task.run();
				task = drain.proceed ? poll(threadId) : null;
			}
		}
		finally {
			draining.set(outer);
		}
	}

	private @Nullable Runnable poll(String threadId) {
		Runnable[] next = new Runnable[1];
		this.lanes.computeIfPresent(threadId, (id, waiting) -> {
			next[0] = waiting.poll();
			return (next[0] != null) ? waiting : null;
		});
		return next[0];
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
	 * A lane's drain running on the current thread.
	 */
	private static final class Drain {

		private final String threadId;

		private boolean proceed;

		Drain(String threadId) {
			this.threadId = threadId;
		}

	}

}
