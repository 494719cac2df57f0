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

import io.github.agentprotocols.hpp.HttpProbe.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous session creation is bounded per client and minute
 * ({@code hpp.limits.max-anonymous-sessions-per-minute}), so that one client cannot fill
 * {@code hpp.limits.max-sessions} and deny the service to everyone else: past the limit,
 * its creations answer 429 {@code too many sessions} with Retry-After and create nothing,
 * while other clients still create sessions. Behind a trusted proxy
 * ({@code server.forward-headers-strategy}) the client is the X-Forwarded-For address.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hpp.limits.max-anonymous-sessions-per-minute=3", "server.forward-headers-strategy=framework" })
class HandshakeCreationThrottleTests extends RunningServerTests {

	@Autowired
	SessionStore store;

	@Test
	void anonymousClientPastTheLimitIsRefusedAndCreatesNothing() {
		String client = "203.0.113.10";
		for (int i = 0; i < 3; i++) {
			assertThat(createFrom(client).status()).as("creation %d", i + 1).isEqualTo(200);
		}
		long held = this.store.count().block();
		Reply refused = createFrom(client);
		assertError(refused, 429, "too many sessions");
		assertThat(refused.response().headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 60L);
		assertThat(this.store.count().block()).isEqualTo(held);
		assertThat(createFrom("203.0.113.11").status()).as("another client").isEqualTo(200);
	}

	private Reply createFrom(String client) {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/session"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client));
	}

}
