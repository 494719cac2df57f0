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

package io.github.agentprotocols.lime.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.lime.PassportReplayStore;

/**
 * A {@link PassportReplayStore} in the memory of one instance: right for a single
 * instance, not shared between several. Expired marks are swept at most once a minute.
 */
public class InMemoryPassportReplayStore implements PassportReplayStore {

	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

	private final Map<String, Instant> used = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> nextSweep;

	private final Clock clock;

	/** Create a store on the system clock. */
	public InMemoryPassportReplayStore() {
		this(Clock.systemUTC());
	}

	/**
	 * Create a store on the given clock.
	 * @param clock the clock that decides when a passport's id may be forgotten
	 */
	public InMemoryPassportReplayStore(Clock clock) {
		this.clock = clock;
		this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
	}

	@Override
	public boolean markUsed(String key, Instant until) {
		Instant now = this.clock.instant();
		sweepIfDue(now);
		boolean[] marked = new boolean[1];
		this.used.compute(key, (k, previous) -> {
			if (previous != null && previous.isAfter(now)) {
				return previous;
			}
			marked[0] = true;
			return until;
		});
		return marked[0];
	}

	/**
	 * Return how many marks are held, expired ones not yet swept included.
	 * @return the number of marks
	 */
	public int size() {
		return this.used.size();
	}

	private void sweepIfDue(Instant now) {
		Instant due = this.nextSweep.get();
		if (now.isBefore(due) || !this.nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
			return;
		}
		this.used.values().removeIf((until) -> !until.isAfter(now));
	}

}
