package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

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
 * requests. Not thread-safe; guarded by the session's store (a copy may be used on
 * another thread).
 */
public final class RequestWindow {

	private static final long WINDOW_NANOS = Duration.ofSeconds(60).toNanos();

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final int MIN_CAPACITY = 8;

	private Log log;

	private int start;

	private int end;

	public RequestWindow() {
		this.log = new Log(new long[MIN_CAPACITY], 0);
	}

	/**
	 * Restores a window, for example from a serialized session.
	 * @param accepted the times of accepted requests, oldest first
	 */
	public RequestWindow(Deque<Instant> accepted) {
		long[] times = new long[accepted.size() + MIN_CAPACITY];
		accepted.forEach((instant) -> times[this.end++] = nanos(instant));
		this.log = new Log(times, this.end);
	}

	private RequestWindow(Log log, int start, int end) {
		this.log = log;
		this.start = start;
		this.end = end;
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
		long windowStart = nanos(now) - WINDOW_NANOS;
		while (this.start < this.end && this.log.times[this.start] < windowStart) {
			this.start++;
		}
		return this.end - this.start >= limit;
	}

	/**
	 * Seconds until the oldest accepted request leaves the window, at least 1.
	 * @param now the current time
	 * @return the seconds to wait
	 */
	public long retryAfterSeconds(Instant now) {
		if (this.start == this.end) {
			return 1;
		}
		long millis = (this.log.times[this.start] + WINDOW_NANOS - nanos(now)) / 1_000_000;
		return Math.max(1, (millis + 999) / 1000);
	}

	/**
	 * The accepted request times, oldest first.
	 * @return a copy of the log
	 */
	public Deque<Instant> accepted() {
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
		return new RequestWindow(this.log, this.start, this.end);
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
