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

package io.github.agentprotocols.appcontrol.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * Counts each client's failed token attempts in a sliding minute and, once a client
 * reaches the limit, refuses it until its oldest counted failure is a minute old;
 * failures while refused are not counted, so they do not prolong the refusal. A limit of
 * 0 turns the throttle off. Only the most recently seen clients are tracked, up to a
 * maximum, so memory stays bounded. Counts live in this instance's memory. Thread-safe.
 */
public final class ClientThrottle {

	/** How long a failure counts against its client. */
	public static final Duration WINDOW = Duration.ofMinutes(1);

	/** The default failures a client may have per sliding minute. */
	public static final int DEFAULT_LIMIT = 30;

	/** The default number of clients tracked at once. */
	public static final int DEFAULT_MAX_CLIENTS = 10_000;

	private static final long WINDOW_MILLIS = WINDOW.toMillis();

	private final int limit;

	private final Clock clock;

	private final Map<String, Deque<Long>> failures;

	/**
	 * A throttle.
	 * @param limit failures allowed per client per sliding minute; 0 turns the throttle
	 * off
	 * @param maxClients the number of clients tracked at once; the least recently seen is
	 * forgotten first
	 * @param clock the clock
	 */
	public ClientThrottle(int limit, int maxClients, Clock clock) {
		Assert.isTrue(limit >= 0, "limit must not be negative");
		Assert.isTrue(maxClients > 0, "maxClients must be positive");
		this.limit = limit;
		this.clock = clock;
		this.failures = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
				return size() > maxClients;
			}

		};
	}

	/**
	 * Whether a client is refused, and for how long.
	 * @param client the client's address
	 * @return seconds until the client may try again, at least 1, or 0 if it may now
	 */
	public synchronized long retryAfterSeconds(String client) {
		if (this.limit == 0) {
			return 0;
		}
		Deque<Long> times = this.failures.get(client);
		long now = this.clock.millis();
		if (times == null || inWindow(times, now) < this.limit) {
			return 0;
		}
		long millis = times.peekFirst() + WINDOW_MILLIS - now;
		return Math.max(1, (millis + 999) / 1000);
	}

	/**
	 * Counts a failed attempt of a client, unless the client is refused already.
	 * @param client the client's address
	 */
	public synchronized void record(String client) {
		if (this.limit == 0) {
			return;
		}
		Deque<Long> times = this.failures.computeIfAbsent(client, (key) -> new ArrayDeque<>());
		long now = this.clock.millis();
		if (inWindow(times, now) < this.limit) {
			times.addLast(now);
		}
	}

	/**
	 * Forgets the failures that left the window.
	 * @return how many are inside it
	 */
	private static int inWindow(Deque<Long> times, long now) {
		while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
			times.removeFirst();
		}
		return times.size();
	}

}
