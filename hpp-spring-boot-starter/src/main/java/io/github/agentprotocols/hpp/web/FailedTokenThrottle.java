package io.github.agentprotocols.hpp.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.hpp.RequestWindow;

/**
 * Counts the failed token attempts of each client in a sliding minute and, once a client
 * reaches the limit, refuses its agent requests until the oldest failure leaves the
 * window. Only the most recently active clients are tracked, up to a maximum, so memory
 * stays bounded. Thread-safe; counts are per instance.
 */
public final class FailedTokenThrottle {

	private final int limit;

	private final Map<String, RequestWindow> failures;

	private final Clock clock;

	/**
	 * Creates a throttle.
	 * @param limit failed attempts allowed per client per sliding minute; 0 turns the
	 * throttle off
	 * @param maxClients the number of clients tracked at once; the least recently seen is
	 * forgotten first
	 * @param clock the clock
	 */
	public FailedTokenThrottle(int limit, int maxClients, Clock clock) {
		this.limit = limit;
		this.clock = clock;
		this.failures = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, RequestWindow> eldest) {
				return size() > maxClients;
			}

		};
	}

	/**
	 * Whether a client is refused, and for how long.
	 * @param client the client's address
	 * @return seconds until the client may try again, or 0 if it may now
	 */
	public synchronized long retryAfterSeconds(String client) {
		if (this.limit <= 0) {
			return 0;
		}
		RequestWindow window = this.failures.get(client);
		Instant now = this.clock.instant();
		return (window != null && window.isFull(now, this.limit)) ? window.retryAfterSeconds(now) : 0;
	}

	/**
	 * Records a failed token attempt.
	 * @param client the client's address
	 */
	public synchronized void recordFailure(String client) {
		if (this.limit > 0) {
			this.failures.computeIfAbsent(client, (key) -> new RequestWindow())
				.tryAcquire(this.clock.instant(), this.limit);
		}
	}

}
