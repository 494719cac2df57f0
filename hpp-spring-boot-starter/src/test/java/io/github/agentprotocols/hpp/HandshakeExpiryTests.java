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

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle expiry, the absolute lifetime and the closing of expired sessions' connections,
 * with a 3 s time-to-live and a 20 s lifetime, in simulated time: the application's clock
 * moves only when a test advances it. {@link HandshakeExpiryIT} lets a session expire in
 * real time.
 */
@SpringBootTest(classes = { HppTestApplication.class, SimulatedClock.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hpp.ttl=3", "hpp.max-lifetime=20s", "hpp.cleanup-interval=1s" })
class HandshakeExpiryTests extends RunningServerTests {

	@Autowired
	SimulatedClock clock;

	@Test
	@SpecItem("HPP-A3")
	void unauthenticatedRequestsDoNotKeepASessionAlive() {
		Session s = create();
		for (int elapsed = 0; elapsed < 4000; elapsed += 250) {
			assertThat(this.http.get("/handshake/context/" + s.sid(), "wrong").status()).isIn(403, 404);
			this.clock.advance(Duration.ofMillis(250));
		}
		assertError(this.http.get("/handshake/context/" + s.sid(), s.token()), 404, "session not found or expired");
	}

	@Test
	@SpecItem("HPP-A3")
	void authenticatedRequestsKeepASessionAlive() {
		Session s = create();
		for (int i = 0; i < 5; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(this.http.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(200);
		}
	}

	@Test
	@SpecItem("HPP-A14")
	void expiredSessionClosesItsConnections() throws Exception {
		Session s = create();
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token())) {
			assertThat(ws.next(Duration.ofSeconds(10)).get("type").stringValue()).isEqualTo("connected");
			this.clock.advance(Duration.ofSeconds(4));
			JsonNode last = ws.nextEvent(Duration.ofSeconds(10));
			assertThat(last.toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"session expired\"}");
			assertThat(ws.awaitClose(Duration.ofSeconds(10))).isEqualTo(1000);
		}
	}

	@Test
	@SpecItem("HPP-A4")
	void extensionsStopAtTheAbsoluteLifetime() {
		Session s = create();
		String path = "/handshake/session/" + s.sid() + "/extend";
		JsonNode clamped = this.http.post(path, s.token(), "{\"extraSeconds\":3600}").json();
		assertThat(clamped.get("extended").asInt()).isBetween(16, 17);
		assertThat(clamped.get("expiresIn").asInt()).isBetween(19, 20);
		assertError(this.http.post(path, s.token(), "{\"extraSeconds\":60}"), 403, "extension denied by server policy");
	}

	private Session create() {
		return create("{\"mode\":\"form-fill\"}");
	}

}
