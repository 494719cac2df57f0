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

package io.github.agentprotocols.benchmarks.load;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The idle gap an agent leaves before each request on its keep-alive connection: half the
 * time none (the next request goes out as the previous answer arrives), otherwise a short
 * pause of up to {@value #SHORT_MILLIS} ms, a pause of up to {@value #MEDIUM_MILLIS} ms,
 * or, for {@value #LONG_PERCENT}% of requests, a pause spread from half the shorter of
 * the two idle timeouts to one and a half times the longer.
 *
 * @param clientKeepAlive how long the client keeps an idle connection
 * @param serverIdle how long the server keeps an idle connection
 */
public record IdleGaps(Duration clientKeepAlive, Duration serverIdle) {

	static final int SHORT_MILLIS = 20;

	static final int MEDIUM_MILLIS = 200;

	static final int LONG_PERCENT = 3;

	/**
	 * Draws the next gap.
	 * @param random the source of randomness
	 * @return the gap
	 */
	public Duration next(RandomGenerator random) {
		int percent = random.nextInt(100);
		if (percent < 50) {
			return Duration.ZERO;
		}
		if (percent < 80) {
			return Duration.ofNanos(random.nextLong(SHORT_MILLIS * 1_000_000L));
		}
		if (percent < 100 - LONG_PERCENT) {
			return Duration.ofNanos(random.nextLong(SHORT_MILLIS * 1_000_000L, MEDIUM_MILLIS * 1_000_000L));
		}
		long shorter = Math.min(this.clientKeepAlive.toNanos(), this.serverIdle.toNanos());
		long longer = Math.max(this.clientKeepAlive.toNanos(), this.serverIdle.toNanos());
		return Duration.ofNanos(random.nextLong(shorter / 2, longer + longer / 2));
	}

}
