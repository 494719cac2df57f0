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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Sliding-window log of accepted requests (spec §6.5): a request is accepted while fewer
 * than the limit were accepted in the preceding 60 seconds. Rejected requests are not
 * recorded.
 * <p>
 * The log is a run of nanosecond timestamps in an append-only array that a window shares
 * with its copies: a copy costs the same however many requests the window holds, and each
 * side's later requests stay its own. Each slot of the array is written once, by the
 * first window to claim it; a window that finds its next slot taken or the array full
 * moves its requests to an array of its own, which costs one copy of them every so many
 * requests.
 * <p>
 * A store that keeps the log apart from the session restores the window from a
 * {@linkplain #ofSummary summary} instead: how many requests are inside the window and
 * the oldest of them, as the store read them at its clock's current time. Such a window
 * counts those requests without listing them, and lists only the requests it accepts
 * afterwards, for the store to add to its log. It decides as the whole log would at the
 * time it was read, and lives for one update of the session.
 * <p>
 * Not thread-safe; guarded by the session's store (a copy may be used on another thread).
 */
public final class RequestWindow {

	/** How long an accepted request counts against the budget. */
	public static final Duration LENGTH = Duration.ofSeconds(60);

	private static final long WINDOW_NANOS = LENGTH.toNanos();

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final int MIN_CAPACITY = 8;

	private final int summarized;

	private final long oldestSummarized;

	private Log log;

	private int start;

	private int end;

	/** Create an empty window. */
	public RequestWindow() {
		this(new Log(new long[MIN_CAPACITY], 0), 0, 0, 0, 0);
	}

	/**
	 * Restores a window, for example from a serialized session.
	 * @param accepted the times of accepted requests, oldest first
	 */
	public RequestWindow(Deque<Instant> accepted) {
		this(Log.of(accepted), 0, accepted.size(), 0, 0);
	}

	private RequestWindow(Log log, int start, int end, int summarized, long oldestSummarized) {
		this.log = log;
		this.start = start;
		this.end = end;
		this.summarized = summarized;
		this.oldestSummarized = oldestSummarized;
	}

	/**
	 * Restores a window from a summary of the requests inside it, for a store that keeps
	 * the log itself.
	 * @param count how many accepted requests are inside the window
	 * @param oldest the oldest of them, or null when there are none
	 * @return the window, listing no requests
	 */
	public static RequestWindow ofSummary(int count, @Nullable Instant oldest) {
		Assert.isTrue(count >= 0, "count must not be negative");
		Assert.isTrue(count == 0 || oldest != null, "oldest is required when count is positive");
		return new RequestWindow(new Log(new long[MIN_CAPACITY], 0), 0, 0, count, (oldest != null) ? nanos(oldest) : 0);
	}

	/**
	 * Records a request if the budget allows it.
	 * @param now the current time
	 * @param limit requests allowed per window
	 * @return whether the request is accepted
	 */
	public boolean tryAcquire(Instant now, int limit) {
		if (isFull(now, limit)) {
			return false;
		}
		if (!this.log.claim(this.end)) {
			this.log = this.log.copyOf(this.start, this.end);
			this.end -= this.start;
			this.start = 0;
			this.log.claim(this.end);
		}
		this.log.times[this.end++] = nanos(now);
		return true;
	}

	/**
	 * Whether the budget is used up, forgetting requests that left the window.
	 * @param now the current time
	 * @param limit requests allowed per window
	 * @return whether the next request would be rejected
	 */
	public boolean isFull(Instant now, int limit) {
		return size(now) >= limit;
	}

	/**
	 * How many accepted requests are inside the window, forgetting requests that left it.
	 * Requests counted by a summary stay counted.
	 * @param now the current time
	 * @return the number of requests
	 */
	public int size(Instant now) {
		if (this.summarized == 0) {
			long windowStart = nanos(now) - WINDOW_NANOS;
			while (this.start < this.end && this.log.times[this.start] < windowStart) {
				this.start++;
			}
		}
		return this.summarized + this.end - this.start;
	}

	/**
	 * Seconds until the oldest accepted request leaves the window, at least 1.
	 * @param now the current time
	 * @return the seconds to wait
	 */
	public long retryAfterSeconds(Instant now) {
		if (this.summarized == 0 && this.start == this.end) {
			return 1;
		}
		long oldest = (this.summarized > 0) ? this.oldestSummarized : this.log.times[this.start];
		long millis = (oldest + WINDOW_NANOS - nanos(now)) / 1_000_000;
		return Math.max(1, (millis + 999) / 1000);
	}

	/**
	 * The accepted request times, oldest first.
	 * @return a copy of the log
	 * @throws IllegalStateException if the window counts requests of a summary, which it
	 * cannot list
	 */
	public Deque<Instant> accepted() {
		Assert.state(this.summarized == 0, "A window restored from a summary does not list its requests");
		return listed();
	}

	/**
	 * The request times this window lists, oldest first: all accepted requests, or for a
	 * window restored from a {@linkplain #ofSummary summary}, those accepted since.
	 * @return a copy of the listed part of the log
	 */
	public Deque<Instant> listed() {
		Deque<Instant> accepted = new ArrayDeque<>(this.end - this.start);
		for (int i = this.start; i < this.end; i++) {
			long time = this.log.times[i];
			accepted.add(Instant.ofEpochSecond(Math.floorDiv(time, NANOS_PER_SECOND),
					Math.floorMod(time, NANOS_PER_SECOND)));
		}
		return accepted;
	}

	/**
	 * A copy that shares this window's log.
	 * @return the copy
	 */
	RequestWindow copy() {
		return new RequestWindow(this.log, this.start, this.end, this.summarized, this.oldestSummarized);
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
	}

	/**
	 * An append-only array of timestamps and how many of its slots are taken.
	 */
	private static final class Log {

		private static final AtomicIntegerFieldUpdater<Log> TAKEN = AtomicIntegerFieldUpdater.newUpdater(Log.class,
				"taken");

		final long[] times;

		private volatile int taken;

		Log(long[] times, int taken) {
			this.times = times;
			this.taken = taken;
		}

		/**
		 * A new log holding the given times, with room for more.
		 * @param accepted the times, oldest first
		 * @return the log
		 */
		static Log of(Deque<Instant> accepted) {
			long[] times = new long[accepted.size() + MIN_CAPACITY];
			int taken = 0;
			for (Instant instant : accepted) {
				times[taken++] = nanos(instant);
			}
			return new Log(times, taken);
		}

		/**
		 * Takes the next free slot for the window whose requests end at it.
		 * @param slot the slot after the window's newest request
		 * @return false when the slot is beyond the array or another window took it
		 */
		boolean claim(int slot) {
			return slot < this.times.length && TAKEN.compareAndSet(this, slot, slot + 1);
		}

		/**
		 * A new log holding a run of this one's timestamps, with room for as many more.
		 * @param from the first slot of the run
		 * @param to the slot after the run
		 * @return the new log
		 */
		Log copyOf(int from, int to) {
			int size = to - from;
			long[] times = new long[Math.max(MIN_CAPACITY, 2 * size)];
			System.arraycopy(this.times, from, times, 0, size);
			return new Log(times, size);
		}

	}

}
