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

package io.github.agentprotocols.hpp.metrics;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.hpp.SessionStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What {@link MicrometerHandshakeMetrics} records, and that reading the active sessions
 * never waits for the store.
 */
class MicrometerHandshakeMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final SessionStore store = mock(SessionStore.class);

	@Test
	void countsLandInTheirMeters() {
		given(this.store.count()).willReturn(Mono.just(0L));
		MicrometerHandshakeMetrics metrics = new MicrometerHandshakeMetrics(this.registry, this.store);
		metrics.sessionCreated();
		metrics.sessionsExpired(2);
		metrics.sessionClosed();
		metrics.actions(3, 1, 1);
		metrics.rateLimited();
		metrics.connectionOpened();
		metrics.connectionOpened();
		metrics.connectionClosed();
		assertThat(this.registry.get("hpp.sessions.created").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("hpp.sessions.expired").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("hpp.sessions.closed").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("hpp.actions").tag("outcome", "applied").counter().count()).isEqualTo(3);
		assertThat(this.registry.get("hpp.actions").tag("outcome", "rejected").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("hpp.actions").tag("outcome", "invalid").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("hpp.rate.limited").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("hpp.websocket.connections").gauge().value()).isEqualTo(1);
	}

	@Test
	void activeSessionsOfAStoreThatAnswersAtOnceAreCurrent() {
		given(this.store.count()).willReturn(Mono.just(3L), Mono.just(5L));
		new MicrometerHandshakeMetrics(this.registry, this.store);
		Gauge active = this.registry.get("hpp.sessions.active").gauge();
		assertThat(active.value()).isEqualTo(3);
		assertThat(active.value()).isEqualTo(5);
	}

	@Test
	void activeSessionsOfASlowStoreAreTheLastCountAndAskOnceAtATime() {
		Sinks.One<Long> answer = Sinks.one();
		AtomicInteger asked = new AtomicInteger();
		given(this.store.count()).willReturn(Mono.defer(() -> {
			asked.incrementAndGet();
			return answer.asMono();
		}));
		new MicrometerHandshakeMetrics(this.registry, this.store);
		Gauge active = this.registry.get("hpp.sessions.active").gauge();
		assertThat(active.value()).isZero();
		assertThat(active.value()).isZero();
		assertThat(asked).hasValue(1);
		answer.tryEmitValue(7L);
		assertThat(active.value()).isEqualTo(7);
		assertThat(asked).hasValue(2);
	}

}
