package io.github.agentprotocols.acp;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * Generates RFC 9562 version 7 UUIDs that increase strictly within this generator, by the
 * fixed-length dedicated counter of RFC 9562 §6.2 (method 1): the 12 bits of
 * {@code rand_a} count within one millisecond, starting from a random value below 2048,
 * and a counter that would overflow moves the timestamp on by one millisecond.
 */
final class UuidV7Generator {

	private static final int COUNTER_BITS = 12;

	private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;

	private final Clock clock;

	private final Random random;

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
		long leastSignificant = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

	private int freshCounter() {
		return this.random.nextInt(1 << (COUNTER_BITS - 1));
	}

}
