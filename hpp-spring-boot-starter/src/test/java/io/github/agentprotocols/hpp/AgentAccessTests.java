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

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AgentAccessTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-15T10:00:00Z"));

	private final InMemorySessionStore store = new InMemorySessionStore(10, 0, this.clock);

	private final HandshakeSettings settings = HandshakeSettings.defaults();

	private final AgentAccess access = new AgentAccess(this.store,
			new SessionExpiry(this.store, new LocalSessionBroadcast(), HandshakeMetrics.NONE, this.clock),
			this.settings, HandshakeMetrics.NONE, this.clock);

	@Test
	void unknownSessionIsAnswered404() {
		assertRefused(() -> this.access.request("nope", "token", (session, now) -> "done").block(), 404,
				"session not found or expired");
	}

	@Test
	void wrongTokenIsAnswered403WithoutSpendingTheBudget() {
		open("s1");
		for (int i = 0; i < this.settings.rateLimitPerMinute(); i++) {
			assertRefused(() -> this.access.request("s1", "wrong", (session, now) -> "done").block(), 403,
					"invalid token");
		}
		assertThat(this.access.request("s1", "token", (session, now) -> "done").block()).isEqualTo("done");
	}

	@Test
	void requestBeyondTheLimitWithinAMinuteIsAnswered429WithRetryAfter() {
		open("s1");
		for (int i = 0; i < this.settings.rateLimitPerMinute(); i++) {
			this.access.request("s1", "token", (session, now) -> "done").block();
			this.clock.advance(Duration.ofMillis(500));
		}
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> this.access.request("s1", "token", (session, now) -> "done").block())
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(429);
				assertThat(ex.getMessage()).isEqualTo("rate limit exceeded");
				assertThat(ex.getRetryAfterSeconds()).isEqualTo(30);
			});
	}

	@Test
	void extensionsSpendTheirOwnBudget() {
		open("s1");
		for (int i = 0; i < this.settings.extendRateLimitPerMinute(); i++) {
			this.access.extension("s1", "token", (session, now) -> "done").block();
		}
		assertRefused(() -> this.access.extension("s1", "token", (session, now) -> "done").block(), 429,
				"rate limit exceeded");
		assertThat(this.access.request("s1", "token", (session, now) -> "done").block()).isEqualTo("done");
	}

	@Test
	void admittedRequestRefreshesTheIdleTimerBeforeTheWorkRuns() {
		open("s1");
		this.clock.advance(Duration.ofSeconds(1000));
		long expiresIn = this.access.request("s1", "token", (session, now) -> session.expiresIn(now)).block();
		assertThat(expiresIn).isEqualTo(this.settings.ttl().getSeconds());
	}

	@Test
	void expiredSessionIsAnswered404AndRemoved() {
		open("s1");
		this.clock.advance(this.settings.ttl().plusSeconds(1));
		assertRefused(() -> this.access.request("s1", "token", (session, now) -> "done").block(), 404,
				"session not found or expired");
		assertThat(this.store.count().block()).isZero();
	}

	private void open(String id) {
		this.store.create(
				HandshakeSession.open(id, "token", nodes.stringNode("default"), nodes.arrayNode(), nodes.objectNode(),
						nodes.objectNode(), this.settings.ttl(), this.settings.maxLifetime(), this.clock.instant()))
			.block();
	}

	private static void assertRefused(Runnable call, int status, String message) {
		assertThatExceptionOfType(HandshakeException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.getStatus()).isEqualTo(status);
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

}
