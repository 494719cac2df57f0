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
 * The sliding window and the memory bound of {@link FailedTokenThrottle}.
 */
@SpecItem("HPP-11.2.5")
class FailedTokenThrottleTests {

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-15T10:00:00Z"));

	@Test
	void refusesFromTheLimitUntilTheOldestFailureLeavesTheMinute() {
		FailedTokenThrottle throttle = new FailedTokenThrottle(2, 100, this.clock);
		throttle.recordFailure("a");
		assertThat(throttle.retryAfterSeconds("a")).isZero();
		this.clock.advance(Duration.ofSeconds(20));
		throttle.recordFailure("a");
		assertThat(throttle.retryAfterSeconds("a")).isEqualTo(40);
		assertThat(throttle.retryAfterSeconds("b")).isZero();
		this.clock.advance(Duration.ofSeconds(41));
		assertThat(throttle.retryAfterSeconds("a")).isZero();
	}

	@Test
	void forgetsTheLeastRecentlySeenClientBeyondTheCap() {
		FailedTokenThrottle throttle = new FailedTokenThrottle(1, 2, this.clock);
		throttle.recordFailure("a");
		throttle.recordFailure("b");
		assertThat(throttle.retryAfterSeconds("a")).isPositive();
		throttle.recordFailure("c");
		assertThat(throttle.retryAfterSeconds("b")).isZero();
		assertThat(throttle.retryAfterSeconds("a")).isPositive();
		assertThat(throttle.retryAfterSeconds("c")).isPositive();
	}

	@Test
	void zeroLimitTurnsTheThrottleOff() {
		FailedTokenThrottle throttle = new FailedTokenThrottle(0, 2, this.clock);
		throttle.recordFailure("a");
		throttle.recordFailure("a");
		assertThat(throttle.retryAfterSeconds("a")).isZero();
	}

}
