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

package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.happy.core.HappyAuthenticationException;

/**
 * Thrown at start-up when {@code happy.secret} (or {@code HAPPY_SECRET}) is not base64 of
 * 32 bytes. {@link InvalidHappySecretFailureAnalyzer} names the property and the
 * variable; neither the message nor the analysis holds the value.
 */
class InvalidHappySecretException extends HappyAuthenticationException {

	private final String reason;

	/**
	 * Create a new exception.
	 * @param cause the failure to decode the secret, saying why
	 */
	InvalidHappySecretException(HappyAuthenticationException cause) {
		super("Invalid happy.secret: " + cause.getMessage(), cause);
		this.reason = String.valueOf(cause.getMessage());
	}

	/**
	 * Return why the secret is refused.
	 * @return the reason, such as "The secret is not valid base64"
	 */
	String getReason() {
		return this.reason;
	}

}
