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

package io.github.agentprotocols.hpp;

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Delivers the events of action batches in the background, each as a {@link PacedBatch}.
 * Batches of one session are delivered one after the other, in the order they were
 * queued, so an agent's request never waits for the pacing. The batches waiting per
 * session are bounded: a batch beyond the bound is refused. Declare a bean of this type
 * to replace the default.
 * <p>
 * An action request {@linkplain #reserve reserves} its batch's place before it changes
 * anything, and fills the place once its actions are applied, so that a full backlog
 * refuses the request as a whole even while other requests of the session compete for the
 * last place. An implementation that only implements {@link #enqueue} reserves nothing: a
 * batch it refuses is then answered as not queued.
 */
public interface PacedDelivery {

	/**
	 * Queues a batch.
	 * @param sessionId the session id
	 * @param batch the batch's events and pause
	 * @return completes once the batch has its place in the session's queue, before its
	 * events are delivered; fails with a {@link DeliveryBacklogFullException} when the
	 * session has as many batches waiting as allowed
	 */
	Mono<Void> enqueue(String sessionId, PacedBatch batch);

	/**
	 * Reserves a place in the session's queue for a batch to come. The reservation counts
	 * as a waiting batch until it is {@linkplain Slot#fill filled} or
	 * {@linkplain Slot#release released}.
	 * @param sessionId the session id
	 * @return the reserved place; fails with a {@link DeliveryBacklogFullException} when
	 * the session has as many batches waiting or reserved as allowed
	 */
	default Mono<Slot> reserve(String sessionId) {
		return Mono.just(new UnreservedSlot(this, sessionId));
	}

	/**
	 * A place reserved in a session's queue: filled with one batch, or released. Once
	 * filled or released, releasing does nothing.
	 */
	interface Slot {

		/**
		 * Queues the batch in the reserved place. Batches of a session are delivered in
		 * the order their places are filled.
		 * @param batch the batch's events and pause
		 * @return completes once the batch is queued
		 */
		Mono<Void> fill(PacedBatch batch);

		/**
		 * Queues the batch in the reserved place, then counts the connections that watch
		 * the session, for the response of the request that queued it. A delivery that
		 * shares a server with the {@link SessionBroadcast} may count them in the same
		 * step. By default {@link #fill(PacedBatch)}, then {@code connections}.
		 * @param batch the batch's events and pause
		 * @param connections counts the connections that watch the session
		 * @return the number of connections once the batch is queued; fails as
		 * {@link #fill(PacedBatch)} does
		 */
		default Mono<Integer> fill(PacedBatch batch, Mono<Integer> connections) {
			return fill(batch).then(connections);
		}

		/**
		 * Gives the place up without a batch.
		 * @return completes once the place is free for another batch
		 */
		Mono<Void> release();

	}

	/**
	 * Base for a {@link Slot} that is settled once: filling a settled place fails with an
	 * {@link IllegalStateException}, releasing one does nothing.
	 */
	abstract class AbstractSlot implements Slot {

		private final AtomicBoolean settled = new AtomicBoolean();

		@Override
		public final Mono<Void> fill(PacedBatch batch) {
			return Mono.defer(() -> {
				settle();
				return doFill(batch);
			});
		}

		@Override
		public final Mono<Integer> fill(PacedBatch batch, Mono<Integer> connections) {
			return Mono.defer(() -> {
				settle();
				return doFill(batch, connections);
			});
		}

		private void settle() {
			Assert.state(this.settled.compareAndSet(false, true), "Place already filled or released");
		}

		@Override
		public final Mono<Void> release() {
			return Mono.defer(() -> this.settled.compareAndSet(false, true) ? doRelease() : Mono.empty());
		}

		/**
		 * Queues the batch in the place, which is settled by now.
		 * @param batch the batch's events and pause
		 * @return completes once the batch is queued
		 */
		protected abstract Mono<Void> doFill(PacedBatch batch);

		/**
		 * Queues the batch in the place, which is settled by now, then counts the
		 * connections that watch the session. By default {@link #doFill(PacedBatch)},
		 * then {@code connections}.
		 * @param batch the batch's events and pause
		 * @param connections counts the connections that watch the session
		 * @return the number of connections once the batch is queued
		 */
		protected Mono<Integer> doFill(PacedBatch batch, Mono<Integer> connections) {
			return doFill(batch).then(connections);
		}

		/**
		 * Gives the place up, which is settled by now.
		 * @return completes once the place is free for another batch
		 */
		protected abstract Mono<Void> doRelease();

	}

	/**
	 * A value obtained together with a reserved place for a batch.
	 *
	 * @param <T> the value's type
	 * @param value the value
	 * @param slot the reserved place
	 */
	record Reserved<T>(T value, Slot slot) {

	}

}
