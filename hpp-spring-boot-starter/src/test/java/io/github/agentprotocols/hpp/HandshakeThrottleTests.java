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

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed token attempts are throttled per client (spec §11.2 item 5): past the limit, a
 * client's agent requests answer 429 with Retry-After, while other clients and the
 * session itself are unaffected. Behind a trusted proxy
 * ({@code server.forward-headers-strategy}) the client is the X-Forwarded-For address.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hpp.limits.max-failed-tokens-per-minute=3", "server.forward-headers-strategy=framework" })
@SpecItem("HPP-11.2.5")
class HandshakeThrottleTests extends RunningServerTests {

	@Autowired
	SessionStore store;

	@Test
	void clientPastTheLimitIsRefusedOnEveryAgentEndpoint() {
		Session s = create("{}");
		String attacker = "203.0.113.1";
		for (int i = 0; i < 3; i++) {
			assertError(from(attacker, get("/handshake/context/" + s.sid()).header("X-Handshake-Token", "wrong")), 403,
					"invalid token");
		}
		Reply refused = from(attacker, get("/handshake/context/" + s.sid()).header("X-Handshake-Token", s.token()));
		assertError(refused, 429, "rate limit exceeded");
		assertThat(refused.response().headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 60L);
		assertError(from(attacker, post("/handshake/action/" + s.sid(), s.token())), 429, "rate limit exceeded");
		assertError(from(attacker, get("/handshake/diff/" + s.sid()).header("X-Handshake-Token", s.token())), 429,
				"rate limit exceeded");
		assertError(from(attacker, post("/handshake/session/" + s.sid() + "/extend", s.token())), 429,
				"rate limit exceeded");
		assertError(from(attacker,
				HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/session/" + s.sid()))
					.DELETE()
					.header("X-Handshake-Token", s.token())),
				429, "rate limit exceeded");
		assertThat(from("203.0.113.2", get("/handshake/context/" + s.sid()).header("X-Handshake-Token", s.token()))
			.status()).isEqualTo(200);
	}

	@Test
	void failuresCountOnEveryTokenEndpointAndNeverTouchTheSession() {
		Session s = create("{}");
		Snapshot before = snapshot(s);
		String attacker = "203.0.113.3";
		assertError(from(attacker, post("/handshake/action/" + s.sid(), "wrong")), 403, "invalid token");
		assertError(from(attacker, post("/handshake/session/" + s.sid() + "/extend", null)), 403, "invalid token");
		assertError(from(attacker,
				HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/session/" + s.sid())).DELETE()), 403,
				"invalid token");
		assertError(from(attacker, get("/handshake/diff/" + s.sid()).header("X-Handshake-Token", s.token())), 429,
				"rate limit exceeded");
		assertThat(snapshot(s)).isEqualTo(before);
	}

	@Test
	void unknownSessionsAndCreationAreNotThrottled() {
		String client = "203.0.113.4";
		for (int i = 0; i < 5; i++) {
			assertError(from(client, get("/handshake/context/unknown").header("X-Handshake-Token", "x")), 404,
					"session not found or expired");
		}
		for (int i = 0; i < 3; i++) {
			assertError(from(client, get("/handshake/context/" + create("{}").sid()).header("X-Handshake-Token", "x")),
					403, "invalid token");
		}
		assertThat(from(client, HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/session"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(200);
	}

	private Snapshot snapshot(Session s) {
		return this.store
			.update(s.sid(),
					(session) -> new Snapshot(session.getLastTouch(), session.getRequests().accepted().size(),
							session.getExtensions().accepted().size()))
			.block();
	}

	private Reply from(String address, HttpRequest.Builder request) {
		return this.http.send(request.header("X-Forwarded-For", address));
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(this.http.base() + path)).GET();
	}

	private HttpRequest.Builder post(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.http.base() + path))
			.POST(HttpRequest.BodyPublishers.ofString("{}"));
		return (token != null) ? request.header("X-Handshake-Token", token) : request;
	}

	record Snapshot(Instant lastTouch, int requests, int extensions) {
	}

}
