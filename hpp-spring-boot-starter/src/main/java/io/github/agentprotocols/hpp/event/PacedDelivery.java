package io.github.agentprotocols.hpp.event;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Delivers the events of action batches in the background: each batch's {@code action}
 * events with a pause after each, then its {@code done} event. Batches of one session are
 * delivered one after the other, in the order they were queued, so an agent's request
 * never waits for the pacing. Declare a bean of this type to replace the default.
 */
public interface PacedDelivery {

	/**
	 * Queues a batch.
	 * @param sessionId the session id
	 * @param actions the action events, in order
	 * @param done the closing event
	 * @param pause the pause after each action event
	 * @return completes once the batch has its place in the session's queue, before its
	 * events are delivered
	 */
	Mono<Void> enqueue(String sessionId, List<HandshakeEvent> actions, HandshakeEvent done, Duration pause);

}
