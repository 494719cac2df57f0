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

package io.github.agentprotocols.hpp.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.hpp.HandshakeMetrics;
import io.github.agentprotocols.hpp.SessionStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link HandshakeMetrics} that records the protocol's counts in Micrometer:
 * {@code hpp.sessions.active}, {@code hpp.sessions.created},
 * {@code hpp.sessions.expired}, {@code hpp.sessions.closed}, {@code hpp.actions} (tag
 * {@code outcome} = applied, rejected or invalid), {@code hpp.rate.limited} and
 * {@code hpp.websocket.connections}.
 * <p>
 * Reading {@code hpp.sessions.active} never waits for the store: it returns the last
 * count and asks the store for a new one, which a store in memory answers at once and a
 * remote store by the next reading.
 */
public class MicrometerHandshakeMetrics implements HandshakeMetrics {

	private static final Log logger = LogFactory.getLog(MicrometerHandshakeMetrics.class);

	private final Counter created;

	private final Counter expired;

	private final Counter closed;

	private final Counter applied;

	private final Counter rejected;

	private final Counter invalid;

	private final Counter rateLimited;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicLong activeSessions = new AtomicLong();

	private final AtomicBoolean counting = new AtomicBoolean();

	/**
	 * Creates the meters in a registry.
	 * @param registry the registry
	 * @param store the session store, counted by {@code hpp.sessions.active}
	 */
	public MicrometerHandshakeMetrics(MeterRegistry registry, SessionStore store) {
		this.created = Counter.builder("hpp.sessions.created")
			.description("Handshake sessions created")
			.register(registry);
		this.expired = Counter.builder("hpp.sessions.expired")
			.description("Handshake sessions ended by expiry")
			.register(registry);
		this.closed = Counter.builder("hpp.sessions.closed")
			.description("Handshake sessions closed by their user")
			.register(registry);
		this.applied = actions(registry, "applied");
		this.rejected = actions(registry, "rejected");
		this.invalid = actions(registry, "invalid");
		this.rateLimited = Counter.builder("hpp.rate.limited")
			.description("Agent requests refused by the per-session rate limit")
			.register(registry);
		Gauge.builder("hpp.websocket.connections", this.connections, AtomicInteger::get)
			.description("Open handshake WebSocket connections")
			.register(registry);
		Gauge.builder("hpp.sessions.active", store, this::activeSessions)
			.description("Handshake sessions in the store")
			.register(registry);
	}

	private double activeSessions(SessionStore store) {
		if (this.counting.compareAndSet(false, true)) {
			store.count()
				.doFinally((signal) -> this.counting.set(false))
				.subscribe(this.activeSessions::set,
						(ex) -> logger.debug("Could not count the stored handshake sessions", ex));
		}
		return this.activeSessions.get();
	}

	private static Counter actions(MeterRegistry registry, String outcome) {
		return Counter.builder("hpp.actions")
			.tag("outcome", outcome)
			.description("Agent actions by outcome")
			.register(registry);
	}

	@Override
	public void sessionCreated() {
		this.created.increment();
	}

	@Override
	public void sessionsExpired(int count) {
		this.expired.increment(count);
	}

	@Override
	public void sessionClosed() {
		this.closed.increment();
	}

	@Override
	public void actions(int applied, int rejected, int invalid) {
		this.applied.increment(applied);
		this.rejected.increment(rejected);
		this.invalid.increment(invalid);
	}

	@Override
	public void rateLimited() {
		this.rateLimited.increment();
	}

	@Override
	public void connectionOpened() {
		this.connections.incrementAndGet();
	}

	@Override
	public void connectionClosed() {
		this.connections.decrementAndGet();
	}

}
