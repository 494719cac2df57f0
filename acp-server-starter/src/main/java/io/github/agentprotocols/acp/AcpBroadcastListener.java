package io.github.agentprotocols.acp;

import java.util.List;

/**
 * Receives what the {@link AcpBroadcaster} publishes: the Socket.IO transport, meters,
 * tests. Declared as beans.
 */
public interface AcpBroadcastListener {

	/**
	 * Committed events of one thread, in log order.
	 * @param events the events
	 */
	default void eventsPublished(List<Event> events) {
	}

	/**
	 * A run's new state.
	 * @param run the run
	 */
	default void runUpdated(Run run) {
	}

}
