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

package io.github.agentprotocols.lime;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the site token is missing or refused: no token configured, HTTP 401, or one
 * of the site token codes {@code SITE_TOKEN_MISSING}, {@code SITE_TOKEN_INVALID},
 * {@code SITE_SUSPENDED} (whatever the status).
 */
public class LimeAuthenticationException extends LimeException {

	/**
	 * Create a new exception.
	 * @param message the message
	 */
	public LimeAuthenticationException(String message) {
		super(message);
	}

	/**
	 * Create a new exception for a response that refused the site's credentials.
	 * @param message the message
	 * @param code the API's error code, or {@code null}
	 * @param httpStatus the HTTP status of the response, or {@code null}
	 * @param detail the error's {@code detail} object, or {@code null}
	 */
	public LimeAuthenticationException(String message, @Nullable String code, @Nullable Integer httpStatus,
			@Nullable Map<String, Object> detail) {
		super(message, code, httpStatus, detail, null);
	}

}
