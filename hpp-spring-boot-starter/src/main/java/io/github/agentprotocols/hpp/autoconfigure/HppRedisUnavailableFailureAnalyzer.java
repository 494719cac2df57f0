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
