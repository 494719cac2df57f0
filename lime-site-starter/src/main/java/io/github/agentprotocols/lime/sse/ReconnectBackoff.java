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
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * The delay before reconnecting to the event stream: exponential backoff with full jitter
 * (spec §8.5). After the n-th failure in a row the delay is uniform in
 * {@code [0, min(max, base × 2^(n-1))]}; a server's {@code retry:} hint replaces the
 * base.
 */
final class ReconnectBackoff {

	private final Duration base;

	private final Duration max;

	private final RandomGenerator random;

	/**
	 * Creates a backoff.
	 * @param base the upper bound of the first delay
	 * @param max the upper bound of every delay
	 * @param random the source of jitter
	 */
	ReconnectBackoff(Duration base, Duration max, RandomGenerator random) {
		this.base = base;
		this.max = max;
		this.random = random;
	}

	/**
	 * The delay before the next attempt.
	 * @param failuresInARow the failures since the last connection that succeeded, at
	 * least 1
	 * @param serverHint the last {@code retry:} the server sent, if any
	 * @return the delay
	 */
	Duration delay(int failuresInARow, @Nullable Duration serverHint) {
		long maxNanos = this.max.toNanos();
		long bound = Math.min((serverHint != null) ? serverHint.toNanos() : this.base.toNanos(), maxNanos);
		for (int i = 1; i < failuresInARow && bound < maxNanos; i++) {
			bound = (bound > maxNanos / 2) ? maxNanos : bound * 2;
		}
		return (bound > 0) ? Duration.ofNanos(this.random.nextLong(bound + 1)) : Duration.ZERO;
	}

}
