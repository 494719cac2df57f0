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

/**
 * Thrown at start-up when the application's Redis connection fails its TLS handshake: the
 * server's certificate is not trusted, or the server refuses the client's. A
 * configuration error, not an outage, so the start-up fails rather than leave the
 * starters retrying for ever.
 */
public class RedisTlsException extends IllegalStateException {

	/** Where the application reaches Redis, without credentials. */
	private final String target;

	/**
	 * Creates an exception.
	 * @param target where the application reaches Redis, for the message
	 * @param cause the TLS failure
	 */
	public RedisTlsException(String target, Throwable cause) {
		super("The TLS handshake with Redis at " + target + " failed: " + cause.getMessage(), cause);
		this.target = target;
	}

	/**
	 * Where the application reaches Redis.
	 * @return the URL or host and port, without credentials
	 */
	public String getTarget() {
		return this.target;
	}

}
