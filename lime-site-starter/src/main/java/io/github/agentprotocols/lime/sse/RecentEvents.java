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

package io.github.agentprotocols.lime.sse;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.lime.LimeEvent;

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
		return this.seen.putIfAbsent(key(event.type(), event.requestId()), Boolean.TRUE) == null;
	}

	/**
	 * Forgets an event, so that it is delivered if it comes again.
	 * @param event the event
	 */
	synchronized void forget(LimeEvent event) {
		this.seen.remove(key(event.type(), event.requestId()));
	}

	/**
	 * Tells whether the window holds an event.
	 * @param type the event's type
	 * @param requestId the event's request id
	 * @return whether it was added and not forgotten since
	 */
	synchronized boolean contains(LimeEvent.Type type, String requestId) {
		return this.seen.containsKey(key(type, requestId));
	}

	private static String key(LimeEvent.Type type, String requestId) {
		return type + " " + requestId;
	}

}
