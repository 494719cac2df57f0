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

package io.github.agentprotocols.lime.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportExpiredException;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link MicrometerLimeMetrics} records.
 */
@SpecItem("LIME-8.11")
class MicrometerLimeMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MicrometerLimeMetrics metrics = new MicrometerLimeMetrics(this.registry);

	@Test
	void passportOutcomesAreCountedByKindOfFailure() {
		this.metrics.passportVerified(new Passport("lr_1", "agent", Instant.EPOCH, Instant.EPOCH, Map.of()));
		this.metrics.passportRejected(new PassportExpiredException("JWT expired"));
		this.metrics.passportRejected(new PassportReplayedException("passport already used"));
		this.metrics.passportRejected(new PassportReplayedException("passport already used"));
		this.metrics.passportRejected(new InvalidPassportException("JWT audience mismatch"));
		assertThat(passports("valid")).isOne();
		assertThat(passports("expired")).isOne();
		assertThat(passports("replayed")).isEqualTo(2);
		assertThat(passports("invalid")).isOne();
	}

	@Test
	void eventsAreCountedByType() {
		this.metrics.eventDelivered("approved");
		this.metrics.eventDelivered("approved");
		this.metrics.eventDelivered("expired");
		assertThat(this.registry.get("lime.events").tag("type", "approved").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("lime.events").tag("type", "expired").counter().count()).isOne();
	}

	@Test
	void handlerRunsAreTimedByOutcome() {
		this.metrics.handlerCompleted(Duration.ofMillis(20), null);
		this.metrics.handlerCompleted(Duration.ofMillis(5), new IllegalStateException("boom"));
		assertThat(this.registry.get("lime.login.handler")
			.tag("outcome", "success")
			.timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20);
		assertThat(this.registry.get("lime.login.handler").tag("outcome", "error").timer().count()).isOne();
	}

	@Test
	void reconnectsAreCounted() {
		this.metrics.reconnecting();
		assertThat(this.registry.get("lime.stream.reconnects").counter().count()).isOne();
	}

	private double passports(String outcome) {
		return this.registry.get("lime.passports").tag("outcome", outcome).counter().count();
	}

}
