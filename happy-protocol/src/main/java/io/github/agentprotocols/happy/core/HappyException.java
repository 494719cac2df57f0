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
 * Base of every exception the Happy client throws. Thrown as such for failures no
 * subclass names: HTTP 400, 403 and 5xx answers, an unknown machine id, and RPC errors
 * other than those of an offline machine.
 */
public class HappyException extends RuntimeException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public HappyException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public HappyException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
