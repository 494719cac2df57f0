package io.github.agentprotocols.acp;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The broadcast funnel (spec §5.7): every REST action and every run publishes its
 * committed events and run updates through it, after the store's commit. A broadcast
 * failure never fails the operation that was stored.
 */
public interface AcpBroadcaster {

	/**
	 * Publishes events appended by one store write ({@link StoreWrite#events()}).
	 * @param events the committed events of one thread, in log order
	 * @return completes when the events were handed to the listeners
	 */
	Mono<Void> publish(List<Event> events);

	/**
	 * Publishes a run's new state ({@code run:updated}).
	 * @param run the run as stored
	 * @return completes when the run was handed to the listeners
	 */
	Mono<Void> runUpdated(Run run);

}
