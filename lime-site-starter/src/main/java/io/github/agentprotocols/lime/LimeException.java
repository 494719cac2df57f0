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
 * Base of every LIME error: transport failures after the retries, malformed responses,
 * API errors and invalid passports. Carries the API's error {@code code}, the HTTP status
 * and the error's {@code detail} object when the API answered with them.
 */
public class LimeException extends RuntimeException {

	/** The API's error code, if any. */
	private final @Nullable String code;

	/** The HTTP status of the response that failed, if any. */
	private final @Nullable Integer httpStatus;

	/** The error's {@code detail} object, if any. */
	private final @Nullable Map<String, Object> detail;

	/**
	 * Create a new exception.
	 * @param message the message
	 */
	public LimeException(String message) {
		this(message, null, null, null, null);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message the message
	 * @param cause the failure behind it, or {@code null}
	 */
	public LimeException(String message, @Nullable Throwable cause) {
		this(message, null, null, null, cause);
	}

	/**
	 * Create a new exception for a failed API call.
	 * @param message the message
	 * @param code the API's error code, or {@code null}
	 * @param httpStatus the HTTP status of the response, or {@code null} when none was
	 * received
	 * @param detail the error's {@code detail} object, or {@code null}
	 * @param cause the failure behind it, or {@code null}
	 */
	public LimeException(String message, @Nullable String code, @Nullable Integer httpStatus,
			@Nullable Map<String, Object> detail, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.httpStatus = httpStatus;
		this.detail = (detail != null) ? Map.copyOf(detail) : null;
	}

	/**
	 * Return the API's error code, such as {@code SITE_TOKEN_INVALID}.
	 * @return the error code, or {@code null} when the API gave none
	 */
	public @Nullable String getCode() {
		return this.code;
	}

	/**
	 * Return the HTTP status of the response that failed.
	 * @return the status, or {@code null} when no response was received
	 */
	public @Nullable Integer getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the error's {@code detail} object.
	 * @return the detail, or {@code null} when the API gave no object
	 */
	public @Nullable Map<String, Object> getDetail() {
		return this.detail;
	}

}
