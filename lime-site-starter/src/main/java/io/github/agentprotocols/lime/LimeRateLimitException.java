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

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the API refuses a call for its rate limit: HTTP 429 or code
 * {@code RATE_LIMIT_EXCEEDED}, once the retries are spent or the server asks for a longer
 * wait than the client is willing to make.
 */
public class LimeRateLimitException extends LimeException {

	/** The wait the server asked for, if any. */
	private final @Nullable Duration retryAfter;

	/**
	 * Create a new exception.
	 * @param message the message
	 * @param code the API's error code, or {@code null}
	 * @param httpStatus the HTTP status of the response, or {@code null}
	 * @param detail the error's {@code detail} object, or {@code null}
	 * @param retryAfter the wait from the {@code Retry-After} header, or {@code null}
	 */
	public LimeRateLimitException(String message, @Nullable String code, @Nullable Integer httpStatus,
			@Nullable Map<String, Object> detail, @Nullable Duration retryAfter) {
		super(message, code, httpStatus, detail, null);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the wait the server asked for in its {@code Retry-After} header.
	 * @return the wait, or {@code null} when the response had no usable header
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
