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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hppHealthIndicator} and the Micrometer meters, read through the actuator
 * endpoints.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics",
				"management.endpoint.health.show-details=always", "hpp.rate-limit-per-minute=3" })
class HandshakeActuatorTests extends RunningServerTests {

	@Test
	void healthReportsTheStoreAndItsSessions() {
		create();
		JsonNode health = this.http.get("/actuator/health", null).json();
		assertThat(health.at("/components/hpp/status").stringValue()).isEqualTo("UP");
		assertThat(health.at("/components/hpp/details/store").stringValue()).isEqualTo("memory");
		assertThat(health.at("/components/hpp/details/sessions").asInt()).isPositive();
		assertThat(this.http.get("/actuator/health/agentProtocols", null)
			.json()
			.at("/components/hpp/status")
			.stringValue()).isEqualTo("UP");
	}

	@Test
	void metricsCountSessionsActionsConnectionsAndRateLimits() throws Exception {
		Session s = create();
		this.http.post("/handshake/action/" + s.sid(), s.token(), """
				{"actions":[{"type":"set","key":"a","value":1},{"type":"set","key":"name","value":"x"},\
				{"type":"del"}],"stream":false}""");
		assertThat(measure("hpp.actions?tag=outcome:applied")).isGreaterThanOrEqualTo(1);
		assertThat(measure("hpp.actions?tag=outcome:rejected")).isGreaterThanOrEqualTo(1);
		assertThat(measure("hpp.actions?tag=outcome:invalid")).isGreaterThanOrEqualTo(1);
		assertThat(measure("hpp.sessions.created")).isGreaterThanOrEqualTo(1);
		assertThat(measure("hpp.sessions.active")).isGreaterThanOrEqualTo(1);
		this.http.get("/handshake/context/" + s.sid(), s.token());
		this.http.get("/handshake/context/" + s.sid(), s.token());
		assertThat(this.http.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(429);
		assertThat(measure("hpp.rate.limited")).isGreaterThanOrEqualTo(1);
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token())) {
			ws.next(Duration.ofSeconds(10));
			assertThat(measure("hpp.websocket.connections")).isEqualTo(1);
		}
	}

	private double measure(String meter) {
		JsonNode metric = this.http.get("/actuator/metrics/" + meter, null).json();
		return metric.at("/measurements/0/value").asDouble();
	}

	private Session create() {
		return create("{\"mode\":\"form-fill\",\"context\":{\"name\":\"Bob\"}}");
	}

}
