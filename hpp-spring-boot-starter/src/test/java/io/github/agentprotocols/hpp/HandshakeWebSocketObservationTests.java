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

package io.github.agentprotocols.hpp;

import java.time.Duration;

import io.github.agentprotocols.hpp.observation.DefaultHandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.HandshakeObservationContext;
import io.github.agentprotocols.hpp.observation.HandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The handshake of a WebSocket connection is observed, accepted or refused, in the
 * application's registry and with the application's convention.
 */
@SpringBootTest(classes = { HppTestApplication.class, HandshakeWebSocketObservationTests.Observations.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class HandshakeWebSocketObservationTests extends RunningServerTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	TestObservationRegistry registry;

	@Test
	void acceptedConnectionIsASuccess() throws Exception {
		Session s = create("{}");
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token())) {
			assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.registry)
				.hasAnObservation((observation) -> observation.hasNameEqualTo("hpp.websocket.connect")
					.hasHighCardinalityKeyValue("hpp.session.id", s.sid())
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasLowCardinalityKeyValue("hpp.transport", "websocket")
					.hasLowCardinalityKeyValue("tenant", "acme")));
	}

	@Test
	void wrongTokenIsRejected() throws Exception {
		Session s = create("{}");
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=wrong")) {
			assertThat(ws.next(WAIT).get("msg").stringValue()).isEqualTo("invalid token");
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.registry)
				.hasAnObservation((observation) -> observation.hasNameEqualTo("hpp.websocket.connect")
					.hasHighCardinalityKeyValue("hpp.session.id", s.sid())
					.hasLowCardinalityKeyValue("outcome", "rejected")));
	}

	@Test
	void unknownSessionIsNotFound() throws Exception {
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/unknown-session?token=T")) {
			assertThat(ws.next(WAIT).get("msg").stringValue()).isEqualTo("session not found");
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.registry)
				.hasAnObservation((observation) -> observation.hasNameEqualTo("hpp.websocket.connect")
					.hasHighCardinalityKeyValue("hpp.session.id", "unknown-session")
					.hasLowCardinalityKeyValue("outcome", "not_found")));
	}

	@Test
	void otherOperationsKeepTheDefaultConvention() {
		create("{}");
		assertThat(this.registry).forAllObservationsWithNameEqualTo("hpp.session.create",
				(observation) -> observation.doesNotHaveLowCardinalityKeyValueWithKey("tenant"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		HandshakeObservationConvention tenantOnConnect() {
			return new DefaultHandshakeObservationConvention(HppObservationDocumentation.WEBSOCKET_CONNECT) {

				@Override
				public KeyValues getLowCardinalityKeyValues(HandshakeObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
				}

			};
		}

	}

}
