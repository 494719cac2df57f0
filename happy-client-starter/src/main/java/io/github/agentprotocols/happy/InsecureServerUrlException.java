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

package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.core.HappyException;

/**
 * Thrown when a client is built for a plain {@code http://} server URL whose host is not
 * a loopback address, unless the builder allows it
 * ({@link ReactiveHappyClient.Builder#allowInsecureHttp(boolean)}): the bearer token and
 * the account's traffic would cross the network unencrypted.
 */
public class InsecureServerUrlException extends HappyException {

	/** The server URL refused. */
	private final String serverUrl;

	/**
	 * Creates an exception for a server URL.
	 * @param serverUrl the server URL refused
	 */
	public InsecureServerUrlException(String serverUrl) {
		super("Refusing plain HTTP to the Happy server " + serverUrl + ", which is not on a loopback address: the "
				+ "bearer token would cross the network unencrypted. Use https://, or allow plain HTTP explicitly "
				+ "(allowInsecureHttp(true) on the client builder)");
		this.serverUrl = serverUrl;
	}

	/**
	 * Return the server URL refused.
	 * @return the server URL
	 */
	public String getServerUrl() {
		return this.serverUrl;
	}

}
