package io.github.agentprotocols.lime.sse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events delivered most recently, keyed by request id and type, so that an event the
 * stream repeats (a replay after a reconnect, a duplicate push) reaches the handlers
 * once. Bounded: the oldest key is forgotten first. Thread-safe.
 */
final class RecentEvents {

	private final Map<String, Boolean> seen;

	/**
	 * Creates a window.
	 * @param capacity how many events are remembered
	 */
	RecentEvents(int capacity) {
		this.seen = new LinkedHashMap<>(16, 0.75f) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Records an event.
	 * @param event the event
	 * @return whether it is new, {@code false} when the window holds it already
	 */
	synchronized boolean add(LimeEvent event) {
		return this.seen.putIfAbsent(event.type() + " " + event.requestId(), Boolean.TRUE) == null;
	}

}
