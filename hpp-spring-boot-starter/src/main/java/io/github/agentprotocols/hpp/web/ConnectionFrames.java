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

package io.github.agentprotocols.hpp.web;

import java.util.function.LongSupplier;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The frames one open WebSocket connection sends: the session's events, in order, and,
 * once the first of them (the greeting) has been sent, a heartbeat whenever the
 * {@link HeartbeatTicker} finds the connection silent, up to and including the event that
 * closes the connection. Events wait in a queue that grows in small steps while the
 * connection takes none; at most one heartbeat waits among them, the others are dropped.
 * Emitting is serialized here, hence a sink without its own guard.
 */
final class ConnectionFrames {

	/** Elements per link of the event queue: a fresh connection holds one such link. */
	private static final int QUEUE_LINK = 8;

	private static final HandshakeEvent HEARTBEAT = HandshakeEvent.heartbeat();

	private final Sinks.Many<HandshakeEvent> events = Sinks.unsafe()
		.many()
		.unicast()
		.onBackpressureBuffer(Queues.<HandshakeEvent>unbounded(QUEUE_LINK).get());

	private final LongSupplier nanoClock;

	private volatile long lastFrame;

	private volatile boolean started;

	private volatile boolean heartbeatWaiting;

	/**
	 * Creates the frames of a connection that has sent nothing yet.
	 * @param nanoClock the time in nanoseconds, as the {@link HeartbeatTicker} reads it
	 */
	ConnectionFrames(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
	}

	/**
	 * Queues an event; nothing happens once the connection has closed.
	 * @param event the event
	 */
	synchronized void emit(HandshakeEvent event) {
		this.events.tryEmitNext(event);
	}

	/**
	 * Queues a heartbeat if the connection has sent its first frame, then nothing for a
	 * while, and no heartbeat is waiting already.
	 * @param now the current time of the clock
	 * @param silence how long the connection must have sent nothing, in nanoseconds
	 */
	synchronized void heartbeatIfSilent(long now, long silence) {
		if (this.started && !this.heartbeatWaiting && now - this.lastFrame >= silence) {
			this.heartbeatWaiting = true;
			this.events.tryEmitNext(HEARTBEAT);
		}
	}

	/**
	 * The frames, for one subscriber: the connection.
	 * @return the frames
	 */
	Flux<HandshakeEvent> frames() {
		return this.events.asFlux().doOnNext(this::sent).takeUntil(HandshakeEvent::closesConnection);
	}

	private void sent(HandshakeEvent event) {
		this.lastFrame = this.nanoClock.getAsLong();
		this.started = true;
		if (event == HEARTBEAT) {
			this.heartbeatWaiting = false;
		}
	}

}
