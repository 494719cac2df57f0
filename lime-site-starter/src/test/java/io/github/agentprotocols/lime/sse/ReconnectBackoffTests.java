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

package io.github.agentprotocols.lime.sse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReconnectBackoff}: exponential bounds with full jitter.
 */
@SpecItem("LIME-8.5")
class ReconnectBackoffTests {

	private final List<Long> bounds = new ArrayList<>();

	@Test
	void upperBoundDoublesFromTheBaseUpToTheCap() {
		ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(8), highest());
		List<Duration> delays = new ArrayList<>();
		for (int failures = 1; failures <= 7; failures++) {
			delays.add(backoff.delay(failures, null));
		}
		assertThat(delays).extracting(Duration::toMillis)
			.containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L);
	}

	@Test
	void jitterSpansFromZeroToTheBound() {
		ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(8), lowest());
		assertThat(backoff.delay(1, null)).isZero();
		assertThat(backoff.delay(9, null)).isZero();
		assertThat(this.bounds).containsExactly(Duration.ofMillis(500).toNanos() + 1,
				Duration.ofSeconds(8).toNanos() + 1);
	}

	@Test
	void delaysStayWithinTheirBoundsAndVary() {
		ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(8), new Random(7));
		List<Duration> first = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			Duration delay = backoff.delay(3, null);
			assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(2));
			first.add(delay);
		}
		assertThat(first).doesNotHaveDuplicates();
	}

	@Test
	void serverRetryHintReplacesTheBase() {
		ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(8), highest());
		assertThat(backoff.delay(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
		assertThat(backoff.delay(2, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(6));
		assertThat(backoff.delay(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void zeroBaseReconnectsAtOnce() {
		ReconnectBackoff backoff = new ReconnectBackoff(Duration.ZERO, Duration.ZERO, highest());
		assertThat(backoff.delay(5, null)).isZero();
	}

	@Test
	void manyFailuresDoNotOverflow() {
		ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofDays(36_500), highest());
		assertThat(backoff.delay(Integer.MAX_VALUE, null)).isEqualTo(Duration.ofDays(36_500));
	}

	/** Always the largest value below the bound. */
	private RandomGenerator highest() {
		return new Bounded(true);
	}

	/** Always zero, recording the bounds asked for. */
	private RandomGenerator lowest() {
		return new Bounded(false);
	}

	private final class Bounded implements RandomGenerator {

		private final boolean highest;

		Bounded(boolean highest) {
			this.highest = highest;
		}

		@Override
		public long nextLong() {
			throw new UnsupportedOperationException();
		}

		@Override
		public long nextLong(long bound) {
			ReconnectBackoffTests.this.bounds.add(bound);
			return (this.highest) ? bound - 1 : 0;
		}

	}

}
