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

package io.github.agentprotocols.lime.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTests {

	private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

	@Test
	void delayDoublesFromAQuarterSecondWithAtMostATenthOfJitter() {
		RetryBackoff lowest = new RetryBackoff(fixed(0));
		RetryBackoff highest = new RetryBackoff(fixed(100));
		assertThat(lowest.delay(0)).isEqualTo(Duration.ofMillis(250));
		assertThat(highest.delay(0)).isEqualTo(Duration.ofMillis(350));
		assertThat(lowest.delay(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(highest.delay(1)).isEqualTo(Duration.ofMillis(600));
		assertThat(lowest.delay(2)).isEqualTo(Duration.ofMillis(1000));
		assertThat(highest.delay(2)).isEqualTo(Duration.ofMillis(1100));
	}

	@Test
	void jitterStaysWithinItsBounds() {
		RetryBackoff backoff = new RetryBackoff(RandomGenerator.of("L64X128MixRandom"));
		for (int i = 0; i < 1000; i++) {
			assertThat(backoff.delay(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(350));
		}
	}

	@Test
	void retryAfterInSecondsIsParsed() {
		assertThat(RetryBackoff.parseRetryAfter("3", NOW)).isEqualTo(Duration.ofSeconds(3));
		assertThat(RetryBackoff.parseRetryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(10).atOffset(ZoneOffset.UTC));
		String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(10).atOffset(ZoneOffset.UTC));
		assertThat(RetryBackoff.parseRetryAfter(inTenSeconds, NOW)).isEqualTo(Duration.ofSeconds(10));
		assertThat(RetryBackoff.parseRetryAfter(past, NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void missingOrUnusableRetryAfterIsIgnored() {
		assertThat(RetryBackoff.parseRetryAfter(null, NOW)).isNull();
		assertThat(RetryBackoff.parseRetryAfter("", NOW)).isNull();
		assertThat(RetryBackoff.parseRetryAfter("-1", NOW)).isNull();
		assertThat(RetryBackoff.parseRetryAfter("soon", NOW)).isNull();
		assertThat(RetryBackoff.parseRetryAfter("99999999999999999999", NOW)).isNull();
	}

	private static RandomGenerator fixed(long value) {
		return new RandomGenerator() {

			@Override
			public long nextLong() {
				return value;
			}

			@Override
			public long nextLong(long bound) {
				return Math.min(value, bound - 1);
			}

		};
	}

}
