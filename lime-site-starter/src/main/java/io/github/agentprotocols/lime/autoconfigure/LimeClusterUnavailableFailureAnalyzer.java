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

package io.github.agentprotocols.lime.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because {@code lime.store.type=redis} has no Redis to
 * use.
 */
class LimeClusterUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<LimeClusterUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LimeClusterUnavailableException cause) {
		String fallback = " Or remove lime.store.type (or set it to memory) to run a single instance.";
		return switch (cause.getMissing()) {
			case SPRING_DATA_REDIS -> new FailureAnalysis(
					"The property lime.store.type is set to redis, but Spring Data Redis reactive is not on the"
							+ " classpath.",
					"Add the dependencies org.springframework.boot:spring-boot-starter-data-redis-reactive and"
							+ " org.springframework.integration:spring-integration-redis." + fallback,
					cause);
			case SPRING_INTEGRATION_REDIS -> new FailureAnalysis(
					"The property lime.store.type is set to redis, but Spring Integration Redis, which holds the"
							+ " lease of the event stream, is not on the classpath.",
					"Add the dependency org.springframework.integration:spring-integration-redis." + fallback, cause);
			case CONNECTION_FACTORY -> new FailureAnalysis(
					"The property lime.store.type is set to redis, but the application has no Redis connection"
							+ " factory that is both a RedisConnectionFactory and a ReactiveRedisConnectionFactory.",
					"Keep Spring Boot's Redis auto-configuration enabled (Lettuce) and point it at your server with"
							+ " spring.data.redis.url (or spring.data.redis.host and spring.data.redis.port), or declare"
							+ " a LettuceConnectionFactory bean." + fallback,
					cause);
		};
	}

}
