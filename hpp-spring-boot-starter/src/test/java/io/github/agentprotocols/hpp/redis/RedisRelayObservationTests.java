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

package io.github.agentprotocols.hpp.redis;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.observation.RelayPublishContext;
import io.github.agentprotocols.hpp.observation.RelayReceiveContext;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events relayed through Redis pub/sub are observed on both sides: the message carries
 * the propagation fields a tracing handler writes, the receiving instance reads them, and
 * browsers see the event without them. Messages without fields, as older versions send
 * them, are delivered as before.
 */
@UsesRedis
class RedisRelayObservationTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	final TestObservationRegistry registry = TestObservationRegistry.create();

	final BlockingQueue<String> extracted = new LinkedBlockingQueue<>();

	final RedisTestConnections connections = new RedisTestConnections();

	final RedisSessionBroadcast a = broadcast();

	final RedisSessionBroadcast b = broadcast();

	RedisRelayObservationTests() {
		this.registry.observationConfig().observationHandler(new Injecting()).observationHandler(new Extracting());
	}

	@AfterEach
	void close() {
		this.a.destroy();
		this.b.destroy();
		this.connections.close();
	}

	@Test
	void eventCarriesTheTraceToTheOtherInstanceButNotToBrowsers() throws Exception {
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.b.subscribe("s1", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("heartbeat");
			this.a.publish("s1", HandshakeEvent.extended(99)).block(WAIT);
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).frame().toString())
				.isEqualTo("{\"type\":\"extended\",\"expiresIn\":99}");
			assertThat(this.extracted.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(TRACEPARENT);
		}
		finally {
			watching.dispose();
		}
		// the event reaches the subscriber before its receive observation stops
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(this.registry).hasObservationWithNameEqualTo("hpp.relay.publish")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("hpp.relay.message", "event")
				.hasHighCardinalityKeyValue("hpp.session.id", "s1");
			assertThat(this.registry).hasObservationWithNameEqualTo("hpp.relay.receive")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("hpp.relay.message", "event")
				.hasHighCardinalityKeyValue("hpp.session.id", "s1");
		});
	}

	@Test
	void messageWithoutTraceIsDelivered() throws Exception {
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.b.subscribe("s2", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("heartbeat");
			this.connections.publish(this.connections.keys.events("s2"), "{\"type\":\"extended\",\"expiresIn\":7}");
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).frame().toString())
				.isEqualTo("{\"type\":\"extended\",\"expiresIn\":7}");
			assertThat(this.extracted.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("none");
		}
		finally {
			watching.dispose();
		}
	}

	private RedisSessionBroadcast broadcast() {
		RedisSessionBroadcast broadcast = new RedisSessionBroadcast(this.connections.factory(), Duration.ofSeconds(5),
				this.connections.keys, Duration.ofMillis(500), Duration.ofMinutes(5));
		broadcast.setObservations(new HandshakeObservations(this.registry, null, null, null));
		return broadcast;
	}

	/**
	 * Writes a {@code traceparent}, as a propagating tracing handler does.
	 */
	static final class Injecting implements ObservationHandler<RelayPublishContext> {

		@Override
		public void onStart(RelayPublishContext context) {
			context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof RelayPublishContext;
		}

	}

	/**
	 * Reads the {@code traceparent}, as a propagating tracing handler does.
	 */
	final class Extracting implements ObservationHandler<RelayReceiveContext> {

		@Override
		public void onStart(RelayReceiveContext context) {
			String traceparent = context.getGetter().get(context.getCarrier(), "traceparent");
			RedisRelayObservationTests.this.extracted.add((traceparent != null) ? traceparent : "none");
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof RelayReceiveContext;
		}

	}

}
