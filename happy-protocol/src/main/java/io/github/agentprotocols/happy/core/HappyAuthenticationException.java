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

package io.github.agentprotocols.happy.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when credentials are missing or unusable: a missing environment variable or key
 * file, a key file that is not valid JSON or lacks its token, a secret that is not base64
 * of 32 bytes, half of an inline credential, or a token the server rejects (HTTP 401,
 * socket {@code connect_error} "Invalid authentication token").
 */
public class HappyAuthenticationException extends HappyException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public HappyAuthenticationException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public HappyAuthenticationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
