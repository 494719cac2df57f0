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

package io.github.agentprotocols.hpp;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Handshake Prompt Protocol starter throws at applications.
 */
public class HppException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message the message
	 */
	public HppException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message the message
	 * @param cause the cause, or null
	 */
	public HppException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates an exception that may leave out its stack trace, for answers that are part
	 * of the protocol rather than failures.
	 * @param message the message
	 * @param cause the cause, or null
	 * @param enableSuppression whether suppression is enabled
	 * @param writableStackTrace whether the stack trace is filled in
	 */
	protected HppException(String message, @Nullable Throwable cause, boolean enableSuppression,
			boolean writableStackTrace) {
		super(message, cause, enableSuppression, writableStackTrace);
	}

}
