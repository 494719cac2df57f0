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
import java.time.Instant;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hpp.allowed-origins} set, the WebSocket upgrade checks the Origin (spec
 * §11.2 item 9): a foreign page gets {@code origin not allowed} and close 1008 without
 * touching the session; the application's own origin, allowed origins and clients without
 * an Origin header connect.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hpp.allowed-origins=https://app.example.com")
@SpecItem("HPP-11.2.9")
class HandshakeWebSocketOriginTests extends RunningServerTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	SessionStore store;

	@Test
	void foreignOriginIsRefusedWithoutTouchingTheSession() throws Exception {
		Session s = create("{}");
		Instant touched = lastTouch(s);
		try (WsProbe ws = open(s, "https://evil.example")) {
			assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"origin not allowed\"}");
			assertThat(ws.awaitClose(WAIT)).isEqualTo(1008);
		}
		assertThat(lastTouch(s)).isEqualTo(touched);
	}

	@Test
	void ownAllowedAndMissingOriginsConnect() throws Exception {
		Session s = create("{}");
		for (String origin : new String[] { "https://app.example.com", "http://localhost:" + this.port, null }) {
			try (WsProbe ws = open(s, origin)) {
				assertThat(ws.next(WAIT).get("type").stringValue()).as(String.valueOf(origin)).isEqualTo("connected");
			}
		}
	}

	private WsProbe open(Session s, String origin) {
		String path = "/ws/handshake/" + s.sid() + "?token=" + s.token();
		return (origin != null) ? WsProbe.open(this.port, path, "Origin", origin) : WsProbe.open(this.port, path);
	}

	private Instant lastTouch(Session s) {
		return this.store.update(s.sid(), HandshakeSession::getLastTouch).block();
	}

}
