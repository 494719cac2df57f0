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
