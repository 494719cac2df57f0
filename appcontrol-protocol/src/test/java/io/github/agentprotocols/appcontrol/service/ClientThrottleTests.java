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

package io.github.agentprotocols.appcontrol.service;

import java.time.Duration;
import java.time.Instant;

import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The sliding minute and the memory bound of {@link ClientThrottle}.
 */
class ClientThrottleTests {

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-15T10:00:00Z"));

	@Test
	void refusesFromTheLimitUntilTheOldestFailureLeavesTheMinute() {
		ClientThrottle throttle = new ClientThrottle(2, 100, this.clock);
		throttle.record("a");
		assertThat(throttle.retryAfterSeconds("a")).isZero();
		this.clock.advance(Duration.ofSeconds(20));
		throttle.record("a");
		assertThat(throttle.retryAfterSeconds("a")).isEqualTo(40);
		assertThat(throttle.retryAfterSeconds("b")).isZero();
		this.clock.advance(Duration.ofMillis(39_500));
		assertThat(throttle.retryAfterSeconds("a")).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(500));
		assertThat(throttle.retryAfterSeconds("a")).isZero();
	}

	@Test
	void failuresWhileRefusedDoNotProlongTheRefusal() {
		ClientThrottle throttle = new ClientThrottle(1, 100, this.clock);
		throttle.record("a");
		this.clock.advance(Duration.ofSeconds(30));
		throttle.record("a");
		assertThat(throttle.retryAfterSeconds("a")).isEqualTo(30);
	}

	@Test
	void forgetsTheLeastRecentlySeenClientBeyondTheCap() {
		ClientThrottle throttle = new ClientThrottle(1, 2, this.clock);
		throttle.record("a");
		throttle.record("b");
		assertThat(throttle.retryAfterSeconds("a")).isPositive();
		throttle.record("c");
		assertThat(throttle.retryAfterSeconds("b")).isZero();
		assertThat(throttle.retryAfterSeconds("a")).isPositive();
		assertThat(throttle.retryAfterSeconds("c")).isPositive();
	}

	@Test
	void zeroLimitTurnsTheThrottleOff() {
		ClientThrottle throttle = new ClientThrottle(0, 2, this.clock);
		throttle.record("a");
		throttle.record("a");
		assertThat(throttle.retryAfterSeconds("a")).isZero();
	}

	@Test
	void negativeLimitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientThrottle(-1, 2, this.clock))
			.withMessageContaining("limit");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientThrottle(1, 0, this.clock))
			.withMessageContaining("maxClients");
	}

}
