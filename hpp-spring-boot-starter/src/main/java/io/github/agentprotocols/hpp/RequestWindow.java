package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sliding-window log of accepted requests: a request is accepted while fewer than the
 * limit were accepted in the preceding window. Rejected requests are not recorded. Not
 * thread-safe; guarded by the session's store.
 */
public final class RequestWindow {

	private static final Duration WINDOW = Duration.ofSeconds(60);

	private final Deque<Instant> accepted;

	public RequestWindow() {
		this(new ArrayDeque<>());
	}

	/**
	 * Restores a window, for example from a serialized session.
	 * @param accepted the times of accepted requests, oldest first
	 */
	public RequestWindow(Deque<Instant> accepted) {
		this.accepted = new ArrayDeque<>(accepted);
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
		this.accepted.addLast(now);
		return true;
	}

	/**
	 * Whether the budget is used up, forgetting requests that left the window.
	 * @param now the current time
	 * @param limit requests allowed per window
	 * @return whether the next request would be rejected
	 */
	public boolean isFull(Instant now, int limit) {
		Instant windowStart = now.minus(WINDOW);
		while (!this.accepted.isEmpty() && this.accepted.peekFirst().isBefore(windowStart)) {
			this.accepted.pollFirst();
		}
		return this.accepted.size() >= limit;
	}

	/**
	 * Seconds until the oldest accepted request leaves the window, at least 1.
	 * @param now the current time
	 * @return the seconds to wait
	 */
	public long retryAfterSeconds(Instant now) {
		Instant oldest = this.accepted.peekFirst();
		if (oldest == null) {
			return 1;
		}
		long millis = Duration.between(now, oldest.plus(WINDOW)).toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	/**
	 * The accepted request times, oldest first.
	 * @return a copy of the log
	 */
	public Deque<Instant> accepted() {
		return new ArrayDeque<>(this.accepted);
	}

	RequestWindow copy() {
		return new RequestWindow(this.accepted);
	}

}
