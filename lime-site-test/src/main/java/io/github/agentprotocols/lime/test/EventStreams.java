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

package io.github.agentprotocols.lime.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The site's open event streams and the log of events published to them, for {@code id:}
 * numbering and replay from {@code Last-Event-ID}: the newest {@value #LOG_LIMIT} events.
 */
final class EventStreams {

	/** How many of the newest events the log keeps for replay. */
	static final int LOG_LIMIT = 10_000;

	private final boolean ids;

	private final boolean replay;

	private final boolean broadcast;

	private final Deque<LoggedEvent> log = new ArrayDeque<>();

	/**
	 * Guarded by its own monitor, not by this object's: a connection that drops while
	 * writing (holding its own lock) deregisters itself here, while {@link #publish} may
	 * hold this object's lock and wait for that connection's.
	 */
	private final Set<SseConnection> open = new LinkedHashSet<>();

	private long lastId;

	EventStreams(boolean ids, boolean replay, boolean broadcast) {
		this.ids = ids;
		this.replay = replay;
		this.broadcast = broadcast;
	}

	/**
	 * Log an event and write it to the open streams.
	 * @param data the JSON payload
	 * @return the number of streams it was written to
	 */
	synchronized int publish(String data) {
		LoggedEvent event = new LoggedEvent(++this.lastId, data);
		if (this.log.size() == LOG_LIMIT) {
			this.log.removeFirst();
		}
		this.log.addLast(event);
		List<SseConnection> targets = targets();
		targets.forEach((connection) -> connection.write(this.ids ? event.id() : null, data, true));
		return targets.size();
	}

	/**
	 * Write a frame to the open streams without logging it.
	 * @param data the payload
	 * @return the number of streams it was written to
	 */
	synchronized int sendUnlogged(String data) {
		List<SseConnection> targets = targets();
		targets.forEach((connection) -> connection.write(null, data, false));
		return targets.size();
	}

	/**
	 * Write bytes verbatim to the open streams.
	 * @param bytes the bytes
	 * @return the number of streams they were written to
	 */
	synchronized int sendRaw(byte[] bytes) {
		List<SseConnection> targets = targets();
		targets.forEach((connection) -> connection.writeRaw(bytes));
		return targets.size();
	}

	/**
	 * Register a newly connected stream, first replaying the events after
	 * {@code lastEventId} when replay is on.
	 */
	synchronized void open(SseConnection connection, @Nullable String lastEventId) {
		Long after = (this.replay && lastEventId != null) ? parse(lastEventId) : null;
		if (after != null) {
			this.log.stream()
				.filter((event) -> event.id() > after)
				.forEach((event) -> connection.write(this.ids ? event.id() : null, event.data(), true));
		}
		synchronized (this.open) {
			this.open.add(connection);
		}
		connection.opened();
	}

	void closed(SseConnection connection) {
		synchronized (this.open) {
			this.open.remove(connection);
		}
	}

	int openCount() {
		synchronized (this.open) {
			return this.open.size();
		}
	}

	synchronized void endAll() {
		List<SseConnection> connections;
		synchronized (this.open) {
			connections = new ArrayList<>(this.open);
			this.open.clear();
		}
		connections.forEach(SseConnection::end);
	}

	private List<SseConnection> targets() {
		List<SseConnection> all;
		synchronized (this.open) {
			all = new ArrayList<>(this.open);
		}
		return (this.broadcast || all.isEmpty()) ? all : List.of(all.get(all.size() - 1));
	}

	private static @Nullable Long parse(String lastEventId) {
		try {
			return Long.parseLong(lastEventId.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private record LoggedEvent(long id, String data) {

	}

}
