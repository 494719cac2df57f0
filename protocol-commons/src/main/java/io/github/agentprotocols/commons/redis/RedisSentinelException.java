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

package io.github.agentprotocols.commons.redis;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when the application's Redis Sentinel setup cannot give it a master:
 * no sentinel answers, or none monitors the master it names. A configuration error to fix
 * in the property it names, so the start-up fails.
 */
public class RedisSentinelException extends IllegalStateException {

	/** The property to fix. */
	private final String property;

	/**
	 * Creates an exception.
	 * @param property the property to fix
	 * @param message what went wrong
	 * @param cause the failure, if any
	 */
	public RedisSentinelException(String property, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.property = property;
	}

	/**
	 * The property to fix.
	 * @return {@code spring.data.redis.sentinel.nodes} or
	 * {@code spring.data.redis.sentinel.master}
	 */
	public String getProperty() {
		return this.property;
	}

}
