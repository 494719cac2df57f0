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

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle expiry in real time, on the system clock, with a 3 s time-to-live: the one expiry
 * test that waits; {@link HandshakeExpiryTests} covers the rest in simulated time.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hpp.ttl=3", "hpp.max-lifetime=20s", "hpp.cleanup-interval=1s" })
class HandshakeExpiryIT extends RunningServerTests {

	@Test
	@SpecItem("HPP-12.29")
	void idleSessionExpiresForHttpAndWebSocket() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		assertThat(this.http.create("{}").get("expiresIn").asInt()).isEqualTo(3);
		Thread.sleep(4000);
		assertError(this.http.get("/handshake/context/" + s.sid(), s.token()), 404, "session not found or expired");
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token())) {
			assertThat(ws.next(Duration.ofSeconds(10)).toString())
				.isEqualTo("{\"type\":\"error\",\"msg\":\"session not found\"}");
		}
	}

}
