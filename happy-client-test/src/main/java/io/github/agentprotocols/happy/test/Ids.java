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

package io.github.agentprotocols.happy.test;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-generated ids: cuid-like strings for accounts, sessions and messages (a
 * {@code c}, then the time and a counter in base 36, so that later ids sort after earlier
 * ones, then random characters), and the random 12-character ids of update containers.
 */
final class Ids {

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

	private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final SecureRandom random = new SecureRandom();

	private final AtomicLong counter = new AtomicLong();

	/**
	 * A new cuid-like id of 25 characters.
	 * @param millis the current time
	 * @return the id
	 */
	String cuid(long millis) {
		return "c" + base36(millis, 8) + base36(this.counter.incrementAndGet(), 4) + random(ALPHABET, 12);
	}

	/**
	 * A random key of 12 letters and digits, as the server gives each update.
	 * @return the key
	 */
	String updateId() {
		return random(KEY_ALPHABET, 12);
	}

	private String random(String alphabet, int length) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return builder.toString();
	}

	private static String base36(long value, int width) {
		String digits = Long.toString(Math.max(value, 0), 36);
		if (digits.length() >= width) {
			return digits.substring(digits.length() - width);
		}
		return "0".repeat(width - digits.length()) + digits;
	}

}
