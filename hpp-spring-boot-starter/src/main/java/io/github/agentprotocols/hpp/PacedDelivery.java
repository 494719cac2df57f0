package io.github.agentprotocols.hpp;

import reactor.core.publisher.Mono;

/**
 * Delivers the events of action batches in the background, each as a {@link PacedBatch}.
 * Batches of one session are delivered one after the other, in the order they were
 * queued, so an agent's request never waits for the pacing. Declare a bean of this type
 * to replace the default.
 */
public interface PacedDelivery {

	/**
	 * Queues a batch.
	 * @param sessionId the session id
	 * @param batch the batch's events and pause
	 * @return completes once the batch has its place in the session's queue, before its
	 * events are delivered
	 */
	Mono<Void> enqueue(String sessionId, PacedBatch batch);

}
