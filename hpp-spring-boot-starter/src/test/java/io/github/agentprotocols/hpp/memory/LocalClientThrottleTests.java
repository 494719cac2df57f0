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

package io.github.agentprotocols.hpp.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sliding window and the memory bound of {@link LocalClientThrottle}.
 */
@SpecItem("HPP-11.2.5")
class LocalClientThrottleTests {

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-15T10:00:00Z"));

	@Test
	void refusesFromTheLimitUntilTheOldestFailureLeavesTheMinute() {
		LocalClientThrottle throttle = new LocalClientThrottle(2, 100, this.clock);
		throttle.record("a").block();
		assertThat(throttle.retryAfterSeconds("a").block()).isZero();
		this.clock.advance(Duration.ofSeconds(20));
		throttle.record("a").block();
		assertThat(throttle.retryAfterSeconds("a").block()).isEqualTo(40);
		assertThat(throttle.retryAfterSeconds("b").block()).isZero();
		this.clock.advance(Duration.ofSeconds(41));
		assertThat(throttle.retryAfterSeconds("a").block()).isZero();
	}

	@Test
	void forgetsTheLeastRecentlySeenClientBeyondTheCap() {
		LocalClientThrottle throttle = new LocalClientThrottle(1, 2, this.clock);
		throttle.record("a").block();
		throttle.record("b").block();
		assertThat(throttle.retryAfterSeconds("a").block()).isPositive();
		throttle.record("c").block();
		assertThat(throttle.retryAfterSeconds("b").block()).isZero();
		assertThat(throttle.retryAfterSeconds("a").block()).isPositive();
		assertThat(throttle.retryAfterSeconds("c").block()).isPositive();
	}

	@Test
	void acquiringCountsUpToTheLimitThenSaysWhenToTryAgain() {
		LocalClientThrottle throttle = new LocalClientThrottle(2, 100, this.clock);
		assertThat(throttle.tryAcquire("a").block()).isZero();
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(throttle.tryAcquire("a").block()).isZero();
		assertThat(throttle.tryAcquire("a").block()).isEqualTo(40);
		assertThat(throttle.tryAcquire("b").block()).isZero();
		this.clock.advance(Duration.ofSeconds(41));
		assertThat(throttle.tryAcquire("a").block()).isZero();
		assertThat(new LocalClientThrottle(0, 2, this.clock).tryAcquire("a").block()).isZero();
	}

	@Test
	void zeroLimitTurnsTheThrottleOff() {
		LocalClientThrottle throttle = new LocalClientThrottle(0, 2, this.clock);
		throttle.record("a").block();
		throttle.record("a").block();
		assertThat(throttle.retryAfterSeconds("a").block()).isZero();
	}

}
