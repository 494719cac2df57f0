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
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Thrown for an API error envelope that is neither an authentication nor a rate-limit
 * error, such as 400 {@code INVALID_REQUEST}, a 200 with {@code ok: false} or a 5xx left
 * after the retries. Code and HTTP status are always set.
 */
public class LimeApiException extends LimeException {

	/**
	 * Create a new exception.
	 * @param message the message
	 * @param code the API's error code
	 * @param httpStatus the HTTP status of the response
	 * @param detail the error's {@code detail} object, or {@code null}
	 */
	public LimeApiException(String message, String code, int httpStatus, @Nullable Map<String, Object> detail) {
		super(message, code, httpStatus, detail, null);
	}

	@Override
	public String getCode() {
		return Objects.requireNonNull(super.getCode());
	}

	@Override
	public Integer getHttpStatus() {
		return Objects.requireNonNull(super.getHttpStatus());
	}

}
