package io.github.agentprotocols.hpp.autoconfigure;

import java.time.Duration;

import io.github.agentprotocols.hpp.SessionStore;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the Handshake Prompt Protocol: up when the session store answers, with the
 * number of stored sessions.
 */
public class HppHealthIndicator implements HealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final SessionStore store;

	private final String storeType;

	/**
	 * Creates the indicator.
	 * @param store the session store
	 * @param storeType the configured kind of store, reported as a detail
	 */
	public HppHealthIndicator(SessionStore store, String storeType) {
		this.store = store;
		this.storeType = storeType;
	}

	@Override
	public Health health() {
		try {
			Long sessions = this.store.count().block(TIMEOUT);
			return Health.up().withDetail("store", this.storeType).withDetail("sessions", sessions).build();
		}
		catch (RuntimeException ex) {
			return Health.down(ex).withDetail("store", this.storeType).build();
		}
	}

}
