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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * The delays between attempts of a LIME API call: {@code 0.25 s × 2^n} plus a uniform
 * jitter in {@code [0, 0.1] s} before retry {@code n + 1}, and the wait a
 * {@code Retry-After} header asks for (delta-seconds or an HTTP date).
 */
final class RetryBackoff {

	private static final long BASE_MILLIS = 250;

	private static final long JITTER_MILLIS = 100;

	private final RandomGenerator random;

	RetryBackoff(RandomGenerator random) {
		this.random = random;
	}

	/**
	 * Return the delay before the attempt following attempt {@code attempt}.
	 * @param attempt the attempt that failed, from 0
	 * @return the delay
	 */
	Duration delay(int attempt) {
		long base = BASE_MILLIS << Math.min(attempt, 20);
		return Duration.ofMillis(base + this.random.nextLong(JITTER_MILLIS + 1));
	}

	/**
	 * Parse a {@code Retry-After} header value.
	 * @param value the header value
	 * @param now the current time, for an HTTP date
	 * @return the wait, never negative, or {@code null} for a missing or unusable value
	 */
	static @Nullable Duration parseRetryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(trimmed));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
