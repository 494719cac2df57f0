package io.github.agentprotocols.acp;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * An {@link AcpBroadcaster} that hands what is published to its listeners on the
 * publishing thread. A listener's failure is logged and never reaches the publisher.
 * Deliveries for one thread keep the publishers' order only as far as the publishers
 * themselves are ordered.
 */
public class DirectAcpBroadcaster implements AcpBroadcaster {

	private static final Log logger = LogFactory.getLog(DirectAcpBroadcaster.class);

	private final List<AcpBroadcastListener> listeners;

	/**
	 * Creates a broadcaster.
	 * @param listeners the listeners, in delivery order
	 */
	public DirectAcpBroadcaster(List<AcpBroadcastListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public Mono<Void> publish(List<Event> events) {
		return Mono.fromRunnable(() -> {
			if (!events.isEmpty()) {
				deliver((listener) -> listener.eventsPublished(events));
			}
		});
	}

	@Override
	public Mono<Void> runUpdated(Run run) {
		return Mono.fromRunnable(() -> deliver((listener) -> listener.runUpdated(run)));
	}

	private void deliver(java.util.function.Consumer<AcpBroadcastListener> delivery) {
		for (AcpBroadcastListener listener : this.listeners) {
			try {
				delivery.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("ACP broadcast listener " + listener + " failed", ex);
			}
		}
	}

}
