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

package io.github.agentprotocols.hpp.health;

import java.time.Clock;

import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.SessionStoreUnavailableException;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What {@link HppHealthIndicator} reports.
 */
class HppHealthIndicatorTests {

	@Test
	void storeThatAnswersIsUpWithItsSessionCount() {
		HppHealthIndicator indicator = new HppHealthIndicator(new InMemorySessionStore(10, 0, Clock.systemUTC()),
				"memory");
		Health health = indicator.health().block();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("store", "memory").containsEntry("sessions", 0L);
	}

	@Test
	void storeThatFailsIsDownWithTheErrorAndTheStoreType() {
		SessionStore store = mock(SessionStore.class);
		given(store.count()).willReturn(
				Mono.error(new SessionStoreUnavailableException("Redis is unreachable", new IllegalStateException())));
		Health health = new HppHealthIndicator(store, "redis").health().block();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("store", "redis").containsKey("error");
	}

}
