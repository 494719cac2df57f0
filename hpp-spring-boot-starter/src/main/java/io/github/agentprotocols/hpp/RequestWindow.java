package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sliding-window log of accepted requests: a request is accepted while fewer than the
 * limit were accepted in the preceding window. Rejected requests are not recorded. The
 * log is a ring of nanosecond timestamps, so copying a session copies it with one array
 * copy. Not thread-safe; guarded by the session's store.
 */
public final class RequestWindow {

	private static final long WINDOW_NANOS = Duration.ofSeconds(60).toNanos();

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private long[] times;

	private int head;

	private int size;

	public RequestWindow() {
		this.times = new long[8];
	}

	/**
	 * Restores a window, for example from a serialized session.
	 * @param accepted the times of accepted requests, oldest first
	 */
	public RequestWindow(Deque<Instant> accepted) {
		this.times = new long[Math.max(8, accepted.size())];
		accepted.forEach((instant) -> this.times[this.size++] = nanos(instant));
	}

	private RequestWindow(RequestWindow source) {
		this.times = source.linearized(Math.max(8, source.size));
		this.size = source.size;
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
		if (this.size == this.times.length) {
			this.times = linearized(this.times.length * 2);
			this.head = 0;
		}
		this.times[(this.head + this.size) % this.times.length] = nanos(now);
		this.size++;
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
		while (this.size > 0 && this.times[this.head] < windowStart) {
			this.head = (this.head + 1) % this.times.length;
			this.size--;
		}
		return this.size >= limit;
	}

	/**
	 * Seconds until the oldest accepted request leaves the window, at least 1.
	 * @param now the current time
	 * @return the seconds to wait
	 */
	public long retryAfterSeconds(Instant now) {
		if (this.size == 0) {
			return 1;
		}
		long millis = (this.times[this.head] + WINDOW_NANOS - nanos(now)) / 1_000_000;
		return Math.max(1, (millis + 999) / 1000);
	}

	/**
	 * The accepted request times, oldest first.
	 * @return a copy of the log
	 */
	public Deque<Instant> accepted() {
		Deque<Instant> accepted = new ArrayDeque<>(this.size);
		for (int i = 0; i < this.size; i++) {
			long time = this.times[(this.head + i) % this.times.length];
			accepted.add(Instant.ofEpochSecond(Math.floorDiv(time, NANOS_PER_SECOND),
					Math.floorMod(time, NANOS_PER_SECOND)));
		}
		return accepted;
	}

	RequestWindow copy() {
		return new RequestWindow(this);
	}

	private long[] linearized(int capacity) {
		long[] copy = new long[capacity];
		int firstPart = Math.min(this.size, this.times.length - this.head);
		System.arraycopy(this.times, this.head, copy, 0, firstPart);
		System.arraycopy(this.times, 0, copy, firstPart, this.size - firstPart);
		return copy;
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
	}

}
