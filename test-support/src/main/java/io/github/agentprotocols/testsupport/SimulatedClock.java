package io.github.agentprotocols.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until the test advances it. Registered as a bean, it
 * replaces the starters' system clock, so expiry runs in simulated time.
 */
public class SimulatedClock extends Clock {

	private final AtomicReference<Instant> now;

	/**
	 * A clock standing at the current instant.
	 */
	public SimulatedClock() {
		this(Instant.now());
	}

	/**
	 * A clock standing at the given instant.
	 * @param now where it starts
	 */
	public SimulatedClock(Instant now) {
		this.now = new AtomicReference<>(now);
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

}
