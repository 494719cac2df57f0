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

package io.github.agentprotocols.happy.connection;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for a connection to a Happy server: where it is and the account's credentials.
 * A bean of this type replaces the {@code happy.server-url}, {@code happy.token} and
 * {@code happy.secret} properties (and the key files they point to), as a test kit's fake
 * server offers one.
 */
public interface HappyConnectionDetails extends ConnectionDetails {

	/**
	 * URL of the Happy server.
	 * @return the URL, or {@code null} for the hosted server the official CLIs use
	 */
	@Nullable String getServerUrl();

	/**
	 * Bearer token of the account.
	 * @return the token, or {@code null} to obtain one by the signed challenge with the
	 * account's master secret
	 */
	@Nullable String getToken();

	/**
	 * Base64 of the 32-byte secret: the account's master secret, or a machine key.
	 * @return the secret
	 */
	String getSecret();

	/**
	 * Connection details with fixed values.
	 * @param serverUrl the URL of the Happy server
	 * @param token the account's bearer token
	 * @param secret Base64 of the account's 32-byte master secret
	 * @return the connection details
	 */
	static HappyConnectionDetails of(String serverUrl, String token, String secret) {
		return new HappyConnectionDetails() {

			@Override
			public String getServerUrl() {
				return serverUrl;
			}

			@Override
			public String getToken() {
				return token;
			}

			@Override
			public String getSecret() {
				return secret;
			}

			@Override
			public String toString() {
				return "HappyConnectionDetails[" + serverUrl + "]";
			}

		};
	}

}
