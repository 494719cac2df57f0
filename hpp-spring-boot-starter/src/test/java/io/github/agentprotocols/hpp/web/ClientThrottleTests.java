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

package io.github.agentprotocols.hpp.web;

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
 * The sliding window and the memory bound of {@link ClientThrottle}.
 */
@SpecItem("HPP-11.2.5")
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
		this.clock.advance(Duration.ofSeconds(41));
		assertThat(throttle.retryAfterSeconds("a")).isZero();
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
	void acquiringCountsUpToTheLimitThenSaysWhenToTryAgain() {
		ClientThrottle throttle = new ClientThrottle(2, 100, this.clock);
		assertThat(throttle.tryAcquire("a")).isZero();
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(throttle.tryAcquire("a")).isZero();
		assertThat(throttle.tryAcquire("a")).isEqualTo(40);
		assertThat(throttle.tryAcquire("b")).isZero();
		this.clock.advance(Duration.ofSeconds(41));
		assertThat(throttle.tryAcquire("a")).isZero();
		assertThat(new ClientThrottle(0, 2, this.clock).tryAcquire("a")).isZero();
	}

	@Test
	void zeroLimitTurnsTheThrottleOff() {
		ClientThrottle throttle = new ClientThrottle(0, 2, this.clock);
		throttle.record("a");
		throttle.record("a");
		assertThat(throttle.retryAfterSeconds("a")).isZero();
	}

}
