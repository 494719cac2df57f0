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

package io.github.agentprotocols.appcontrol;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception app-control throws at its users: an invalid payload
 * ({@link ProtocolValidationException}), an invalid configuration value
 * ({@code AppControlConfigException}), a tool that cannot be reached
 * ({@code AppControlTransportException}), a request the service host refuses
 * ({@code ServiceRejection}), or a host or file it cannot set up. Arguments that break a
 * method's contract, such as an unknown schema name, are
 * {@link IllegalArgumentException}s.
 */
public class AppControlException extends RuntimeException {

	/**
	 * An exception with a message.
	 * @param message the message
	 */
	public AppControlException(String message) {
		super(message);
	}

	/**
	 * An exception with a message and a cause.
	 * @param message the message
	 * @param cause the cause, or null
	 */
	public AppControlException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * An exception as
	 * {@link RuntimeException#RuntimeException(String, Throwable, boolean, boolean)}
	 * makes it.
	 * @param message the message
	 * @param cause the cause, or null
	 * @param enableSuppression whether suppression is enabled
	 * @param writableStackTrace whether the stack trace is writable
	 */
	protected AppControlException(String message, @Nullable Throwable cause, boolean enableSuppression,
			boolean writableStackTrace) {
		super(message, cause, enableSuppression, writableStackTrace);
	}

}
