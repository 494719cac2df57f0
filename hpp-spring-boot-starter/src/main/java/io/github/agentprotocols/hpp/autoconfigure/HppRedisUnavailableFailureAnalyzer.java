package io.github.agentprotocols.hpp.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because {@code hpp.store.type=redis} has no Redis to
 * use.
 */
class HppRedisUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<HppRedisUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HppRedisUnavailableException cause) {
		if (cause.isRedisOnClasspath()) {
			return new FailureAnalysis(
					"The property hpp.store.type is set to redis, but the application has no"
							+ " ReactiveRedisConnectionFactory bean.",
					"Keep Spring Boot's Redis auto-configuration enabled and point it at your server with"
							+ " spring.data.redis.url (or spring.data.redis.host and spring.data.redis.port), or"
							+ " declare a ReactiveRedisConnectionFactory bean.",
					cause);
		}
		return new FailureAnalysis(
				"The property hpp.store.type is set to redis, but Spring Data Redis reactive is not on the classpath.",
				"Add the dependency org.springframework.boot:spring-boot-starter-data-redis-reactive, or set"
						+ " hpp.store.type=memory to keep sessions in the application's memory.",
				cause);
	}

}
