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

package io.github.agentprotocols.acp;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * Generates RFC 9562 version 7 UUIDs that increase strictly within this generator, by the
 * fixed-length dedicated counter of RFC 9562 §6.2 (method 1): the 12 bits of
 * {@code rand_a} count within one millisecond, starting from a random value below 2048,
 * and a counter that would overflow moves the timestamp on by one millisecond. The random
 * bits are read from the source in blocks, one call per {@value #BLOCK_LONGS} ids at
 * most, since a {@code SecureRandom} call costs more than the rest of an id.
 */
final class UuidV7Generator {

	private static final int COUNTER_BITS = 12;

	private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;

	private final Clock clock;

	private static final int BLOCK_LONGS = 32;

	private final Random random;

	private final byte[] block = new byte[BLOCK_LONGS * Long.BYTES];

	private int used = BLOCK_LONGS;

	private long lastMillis = -1;

	private int counter;

	UuidV7Generator(Clock clock, Random random) {
		this.clock = clock;
		this.random = random;
	}

	synchronized UUID next() {
		long millis = Math.max(this.clock.millis(), this.lastMillis);
		if (millis == this.lastMillis) {
			this.counter++;
			if (this.counter > COUNTER_MAX) {
				millis++;
				this.counter = freshCounter();
			}
		}
		else {
			this.counter = freshCounter();
		}
		this.lastMillis = millis;
		long mostSignificant = (millis << 16) | (0x7L << 12) | this.counter;
		long leastSignificant = (randomLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

	private int freshCounter() {
		return (int) (randomLong() >>> (Long.SIZE - (COUNTER_BITS - 1)));
	}

	private long randomLong() {
		if (this.used == BLOCK_LONGS) {
			this.random.nextBytes(this.block);
			this.used = 0;
		}
		int offset = this.used++ * Long.BYTES;
		long value = 0;
		for (int i = 0; i < Long.BYTES; i++) {
			value = (value << Byte.SIZE) | (this.block[offset + i] & 0xFF);
		}
		return value;
	}

}
