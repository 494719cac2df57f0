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

package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a session lives (spec §6.2, §6.3): an idle time-to-live that every touch
 * restarts and extensions grow, within an absolute deadline. Not thread-safe; guarded by
 * the session's store.
 */
final class SessionLifetime {

	private final Instant deadline;

	private Duration ttl;

	private Instant lastTouch;

	/**
	 * Creates a lifetime.
	 * @param deadline the end of the absolute lifetime
	 * @param ttl the idle time-to-live
	 * @param lastTouch the last refresh of the idle timer
	 */
	SessionLifetime(Instant deadline, Duration ttl, Instant lastTouch) {
		this.deadline = deadline;
		this.ttl = ttl;
		this.lastTouch = lastTouch;
	}

	Instant deadline() {
		return this.deadline;
	}

	Duration ttl() {
		return this.ttl;
	}

	Instant lastTouch() {
		return this.lastTouch;
	}

	/**
	 * Whether the session is over: idle for longer than its TTL, or past its deadline.
	 * @param now the current time
	 * @return true if expired
	 */
	boolean isExpired(Instant now) {
		return Duration.between(this.lastTouch, now).compareTo(this.ttl) > 0 || now.isAfter(this.deadline);
	}

	/**
	 * Whole seconds left before the session expires, never negative.
	 * @param now the current time
	 * @return the remaining seconds
	 */
	long expiresIn(Instant now) {
		Duration idleLeft = this.ttl.minus(Duration.between(this.lastTouch, now));
		Duration lifeLeft = Duration.between(now, this.deadline);
		Duration left = (idleLeft.compareTo(lifeLeft) < 0) ? idleLeft : lifeLeft;
		return Math.max(0, left.getSeconds());
	}

	/**
	 * Restarts the idle timer.
	 * @param now the current time
	 */
	void touch(Instant now) {
		this.lastTouch = now;
	}

	/**
	 * Grows the idle time-to-live permanently and restarts the idle timer.
	 * @param seconds the seconds to add
	 * @param now the current time
	 */
	void extend(long seconds, Instant now) {
		this.ttl = this.ttl.plusSeconds(seconds);
		touch(now);
	}

	/**
	 * Extends by the requested seconds as far as the deadline leaves room for a full idle
	 * time-to-live.
	 * @param seconds the seconds requested
	 * @param now the current time
	 * @return the seconds granted, or 0 when no room is left (nothing changed)
	 */
	long extendWithinDeadline(long seconds, Instant now) {
		long room = Duration.between(now, this.deadline).minus(this.ttl).getSeconds();
		long granted = Math.min(seconds, room);
		if (granted <= 0) {
			return 0;
		}
		extend(granted, now);
		return granted;
	}

	SessionLifetime copy() {
		return new SessionLifetime(this.deadline, this.ttl, this.lastTouch);
	}

}
