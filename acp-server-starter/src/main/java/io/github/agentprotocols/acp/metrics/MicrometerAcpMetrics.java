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

package io.github.agentprotocols.acp.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.ThreadStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Records the protocol's counts in Micrometer: {@code acp.events.appended} (tag
 * {@code type}, counted from the broadcast funnel, so every committed event counts once
 * whatever wrote it), {@code acp.rest.requests} (tag {@code outcome}: {@code ok},
 * {@code unavailable} or the error code) and {@code acp.runs.active}, and for the
 * Socket.IO transport {@code acp.socketio.connects},
 * {@code acp.socketio.connects.rejected} (tag {@code code}),
 * {@code acp.socketio.events.out} (tag {@code event}, one per socket an event was emitted
 * to) and the distribution summary {@code acp.socketio.replay.events} (events replayed
 * per {@code thread:join}).
 * <p>
 * Reading {@code acp.runs.active} never waits for the store: it returns the last count
 * and asks the store for a new one, which a store in memory answers at once and
 * PostgreSQL by the next reading.
 */
public class MicrometerAcpMetrics implements AcpMetrics, AcpBroadcastListener {

	private static final Log logger = LogFactory.getLog(MicrometerAcpMetrics.class);

	private final MeterRegistry registry;

	private final Map<String, Counter> appended = new ConcurrentHashMap<>();

	private final Map<String, Counter> requests = new ConcurrentHashMap<>();

	private final Counter connects;

	private final Map<String, Counter> refusedConnects = new ConcurrentHashMap<>();

	private final Map<String, Counter> eventsOut = new ConcurrentHashMap<>();

	private final DistributionSummary replayed;

	private final AtomicLong activeRuns = new AtomicLong();

	private final AtomicBoolean counting = new AtomicBoolean();

	/**
	 * Creates the meters in a registry.
	 * @param registry the registry
	 * @param store the thread store, whose active runs {@code acp.runs.active} counts
	 */
	public MicrometerAcpMetrics(MeterRegistry registry, ThreadStore store) {
		this.registry = registry;
		Gauge.builder("acp.runs.active", store, this::activeRuns)
			.description("Pending and running assistant runs")
			.register(registry);
		this.connects = Counter.builder("acp.socketio.connects")
			.description("Socket.IO namespace connects accepted")
			.register(registry);
		this.replayed = DistributionSummary.builder("acp.socketio.replay.events")
			.baseUnit("events")
			.description("Events replayed per thread:join")
			.register(registry);
	}

	private double activeRuns(ThreadStore store) {
		if (this.counting.compareAndSet(false, true)) {
			store.countActiveRuns()
				.doFinally((signal) -> this.counting.set(false))
				.subscribe(this.activeRuns::set, (ex) -> logger.debug("Could not count the active ACP runs", ex));
		}
		return this.activeRuns.get();
	}

	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		if (broadcast instanceof AcpBroadcast.EventAppended appended) {
			this.appended
				.computeIfAbsent(appended.event().type().wireName(),
						(type) -> Counter.builder("acp.events.appended")
							.tag("type", type)
							.description("Events appended to thread logs")
							.register(this.registry))
				.increment();
		}
	}

	@Override
	public void restRequest(String outcome) {
		this.requests
			.computeIfAbsent(outcome,
					(key) -> Counter.builder("acp.rest.requests")
						.tag("outcome", key)
						.description("REST requests by outcome")
						.register(this.registry))
			.increment();
	}

	@Override
	public void socketConnected() {
		this.connects.increment();
	}

	@Override
	public void socketConnectRefused(String code) {
		this.refusedConnects
			.computeIfAbsent(code,
					(key) -> Counter.builder("acp.socketio.connects.rejected")
						.tag("code", key)
						.description("Socket.IO namespace connects refused, by code")
						.register(this.registry))
			.increment();
	}

	@Override
	public void socketEventsSent(String event, int sockets) {
		this.eventsOut
			.computeIfAbsent(event,
					(key) -> Counter.builder("acp.socketio.events.out")
						.tag("event", key)
						.description("Server-to-client events emitted, one per socket")
						.register(this.registry))
			.increment(sockets);
	}

	@Override
	public void joinReplayed(int events) {
		this.replayed.record(events);
	}

}
