package io.github.agentprotocols.hpp.autoconfigure;

import io.github.agentprotocols.hpp.HppException;

/**
 * Thrown at start-up when {@code hpp.store.type=redis} but the application has no Redis
 * to use; {@link HppRedisUnavailableFailureAnalyzer} reports what to add.
 */
class HppRedisUnavailableException extends HppException {

	private final boolean redisOnClasspath;

	/**
	 * Creates the exception.
	 * @param redisOnClasspath whether Spring Data Redis is on the classpath (then only
	 * the connection factory is missing)
	 */
	public HppRedisUnavailableException(boolean redisOnClasspath) {
		super(redisOnClasspath ? "hpp.store.type=redis but there is no ReactiveRedisConnectionFactory bean"
				: "hpp.store.type=redis but Spring Data Redis reactive is not on the classpath");
		this.redisOnClasspath = redisOnClasspath;
	}

	public boolean isRedisOnClasspath() {
		return this.redisOnClasspath;
	}

}
