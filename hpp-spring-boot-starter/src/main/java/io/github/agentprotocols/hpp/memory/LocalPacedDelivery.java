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

package io.github.agentprotocols.hpp.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.commons.LifecyclePhases;
import io.github.agentprotocols.hpp.DeliveryBacklogFullException;
import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * {@link PacedDelivery} within one instance: a bounded queue per session in memory,
 * drained by one loop at a time that delivers each batch through a
 * {@link SessionBroadcast} once the previous one is done, each delivery observed as a
 * child of the observation that filled its place. A place reserved while the session
 * already has as many batches waiting or reserved as allowed is refused with a
 * {@link DeliveryBacklogFullException}. When the application stops, once its web server
 * has stopped, deliveries in flight are cancelled and waiting batches dropped: the
 * connections they were for are closed by then.
 */
public class LocalPacedDelivery implements PacedDelivery, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(LocalPacedDelivery.class);

	private final SessionBroadcast broadcast;

	private final int maxQueuedBatches;

	/**
	 * The backlog per session. A session has an entry while its loop runs or places are
	 * reserved in it; the entry is only changed under the map's lock for its key.
	 */
	private final Map<String, Backlog> waiting = new ConcurrentHashMap<>();

	private volatile boolean stopped;

	private HandshakeObservations observations = HandshakeObservations.NOOP;

	private volatile boolean running;

	/**
	 * Creates the delivery.
	 * @param broadcast where the events go
	 * @param maxQueuedBatches how many batches of one session may wait (or have their
	 * place reserved) behind the one being delivered
	 */
	public LocalPacedDelivery(SessionBroadcast broadcast, int maxQueuedBatches) {
		Assert.isTrue(maxQueuedBatches > 0, "maxQueuedBatches must be positive");
		this.broadcast = broadcast;
		this.maxQueuedBatches = maxQueuedBatches;
	}

	/**
	 * Sets what observes the deliveries.
	 * @param observations the observations
	 */
	public void setObservations(HandshakeObservations observations) {
		this.observations = observations;
	}

	@Override
	public Mono<Void> enqueue(String sessionId, PacedBatch batch) {
		return reserve(sessionId).flatMap((slot) -> slot.fill(batch));
	}

	@Override
	public Mono<Slot> reserve(String sessionId) {
		return Mono.defer(() -> {
			boolean[] reserved = new boolean[1];
			Backlog backlog = this.waiting.compute(sessionId, (id, current) -> {
				Backlog target = (current != null) ? current : new Backlog();
				reserved[0] = target.batches.size() + target.reserved < this.maxQueuedBatches;
				if (reserved[0]) {
					target.reserved++;
				}
				return target.isIdle() ? null : target;
			});
			if (!reserved[0]) {
				return Mono.error(new DeliveryBacklogFullException(this.maxQueuedBatches));
			}
			return Mono.just(new LocalSlot(sessionId, backlog));
		});
	}

	/**
	 * Gives up a reserved place, or fills it with a batch and starts the session's loop
	 * unless it runs already.
	 */
	private void settle(String sessionId, Backlog backlog, @Nullable Queued batch) {
		Loop[] started = new Loop[1];
		this.waiting.compute(sessionId, (id, current) -> {
			Backlog target = (current != null) ? current : backlog;
			if (target == backlog) {
				backlog.reserved--;
			}
			if (batch != null) {
				target.batches.add(batch);
				if (target.loop == null) {
					target.loop = new Loop(sessionId);
					started[0] = target.loop;
				}
			}
			return target.isIdle() ? null : target;
		});
		if (started[0] != null) {
			started[0].resume();
		}
	}

	/**
	 * Takes the session's next batch for its loop, or ends the loop when none is waiting
	 * or deliveries have stopped; a loop ended by a stop drops the batches waiting.
	 */
	private @Nullable Queued next(String sessionId, Loop loop) {
		Queued[] next = new Queued[1];
		this.waiting.computeIfPresent(sessionId, (id, backlog) -> {
			if (backlog.loop != loop) {
				return backlog;
			}
			next[0] = (this.stopped || loop.cancelled) ? null : backlog.batches.poll();
			if (next[0] == null) {
				backlog.loop = null;
				backlog.batches.clear();
			}
			return backlog.isIdle() ? null : backlog;
		});
		return next[0];
	}

	/**
	 * The publication of a batch's events: at once, without a pipeline per event, when
	 * the batch has no pauses and the broadcast is this instance's own.
	 */
	private Mono<Void> publication(String sessionId, PacedBatch batch) {
		if (batch.pause().isZero() && this.broadcast instanceof LocalSessionBroadcast local) {
			return Mono.fromRunnable(() -> local.publishAtOnce(sessionId, batch));
		}
		return batch.publish(this.broadcast, sessionId);
	}

	@Override
	public void start() {
		this.stopped = false;
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopped = true;
		this.waiting.values().forEach((backlog) -> {
			Loop loop = backlog.loop;
			if (loop != null) {
				loop.cancel();
			}
		});
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.BACKGROUND_WORK;
	}

	/**
	 * A session's batches waiting in the order their places were filled, the places
	 * reserved and the marker of the loop delivering them, if one runs.
	 */
	private static final class Backlog {

		private final Deque<Queued> batches = new ArrayDeque<>();

		private int reserved;

		private volatile @Nullable Loop loop;

		private boolean isIdle() {
			return this.loop == null && this.reserved == 0 && this.batches.isEmpty();
		}

	}

	/**
	 * The loop that delivers a session's batches one after the other, each once the
	 * previous one is done. A delivery that completes at once is followed by the next in
	 * the same call, one that completes later resumes the loop on its own thread, so the
	 * stack does not grow with the backlog and a batch published without pauses costs no
	 * scheduling.
	 */
	private final class Loop implements CoreSubscriber<Void> {

		private final String sessionId;

		private final AtomicInteger resumed = new AtomicInteger();

		private volatile @Nullable Subscription delivery;

		private volatile boolean cancelled;

		Loop(String sessionId) {
			this.sessionId = sessionId;
		}

		/**
		 * Delivers the next batch, unless a delivery is under way, in which case the loop
		 * goes on once it is done.
		 */
		void resume() {
			if (this.resumed.getAndIncrement() != 0) {
				return;
			}
			do {
				Queued queued = next(this.sessionId, this);
				if (queued == null) {
					return;
				}
				LocalPacedDelivery.this.observations
					.deliver(this.sessionId, queued.parent(), publication(this.sessionId, queued.batch()))
					.subscribe(this);
			}
			while (this.resumed.decrementAndGet() != 0);
		}

		/**
		 * Cancels the delivery in flight and drops the batches waiting.
		 */
		void cancel() {
			this.cancelled = true;
			Subscription current = this.delivery;
			if (current != null) {
				current.cancel();
			}
			next(this.sessionId, this);
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.delivery = subscription;
			if (this.cancelled) {
				subscription.cancel();
			}
			else {
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(Void none) {
		}

		@Override
		public void onError(Throwable ex) {
			logger.warn("Could not deliver the events of a handshake session", ex);
			resume();
		}

		@Override
		public void onComplete() {
			resume();
		}

	}

	/**
	 * A batch waiting and the observation that queued it, the parent of its delivery.
	 */
	private record Queued(PacedBatch batch, @Nullable Observation parent) {

	}

	/**
	 * A place reserved in a session's backlog.
	 */
	private final class LocalSlot extends AbstractSlot {

		private final String sessionId;

		private final Backlog backlog;

		LocalSlot(String sessionId, Backlog backlog) {
			this.sessionId = sessionId;
			this.backlog = backlog;
		}

		@Override
		protected Mono<Void> doFill(PacedBatch batch) {
			return Mono.deferContextual((view) -> {
				settle(this.sessionId, this.backlog, new Queued(batch, HandshakeObservations.current(view)));
				return Mono.empty();
			});
		}

		@Override
		protected Mono<Void> doRelease() {
			return Mono.fromRunnable(() -> settle(this.sessionId, this.backlog, null));
		}

	}

}
