package io.github.agentprotocols.hpp;

import reactor.core.publisher.Mono;

/**
 * Delivers the events of action batches in the background, each as a {@link PacedBatch}.
 * Batches of one session are delivered one after the other, in the order they were
 * queued, so an agent's request never waits for the pacing. The batches waiting per
 * session are bounded: a batch beyond the bound is refused. Declare a bean of this type
 * to replace the default.
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
	 * Whether the session's queue takes another batch now. Asked before an action request
	 * changes anything, so that a full backlog refuses the request as a whole; a batch
	 * queued by a concurrent request may still take the last place.
	 * @param sessionId the session id
	 * @return true if a batch queued now would not be refused
	 */
	default Mono<Boolean> hasRoom(String sessionId) {
		return Mono.just(true);
	}

}
