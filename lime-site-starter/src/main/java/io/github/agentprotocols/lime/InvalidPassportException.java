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

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a passport JWT fails verification: malformed, unsigned or wrongly signed,
 * unknown key, wrong audience, bad timestamps, too long a lifetime or the wrong request.
 * The message names the failed check with the keywords of the LIME specification
 * ({@code header}, {@code kid}, {@code Unknown JWT kid}, {@code signature},
 * {@code audience}, {@code exp or iat}, {@code TTL}, {@code request_id}, ...).
 */
public class InvalidPassportException extends LimeException {

	/**
	 * Create a new exception.
	 * @param message the reason the passport was refused
	 */
	public InvalidPassportException(String message) {
		super(message);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message the reason the passport was refused
	 * @param cause the failure behind it, or {@code null}
	 */
	public InvalidPassportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
