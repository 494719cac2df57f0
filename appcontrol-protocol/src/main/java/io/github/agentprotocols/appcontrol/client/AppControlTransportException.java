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

package io.github.agentprotocols.appcontrol.client;

import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.ToolError;
import org.jspecify.annotations.Nullable;

/**
 * The tool could not be reached or answered with something that is not a valid reply.
 * Tool-level failures are observations, never this exception.
 */
public class AppControlTransportException extends AppControlException {

	/** The error the host answered with. */
	private final @Nullable ToolError error;

	/**
	 * Create a new exception.
	 * @param message the message
	 */
	public AppControlTransportException(String message) {
		super(message);
		this.error = null;
	}

	/**
	 * Create a new exception with a cause.
	 * @param message the message
	 * @param cause the failure behind it, or {@code null}
	 */
	public AppControlTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
		this.error = null;
	}

	/**
	 * Create a new exception for an error the host answered with.
	 * @param message the message
	 * @param error the host's error
	 */
	public AppControlTransportException(String message, ToolError error) {
		super(message);
		this.error = error;
	}

	/**
	 * The error the remote side reported, if it reported one.
	 * @return the error, or null
	 */
	public @Nullable ToolError getError() {
		return this.error;
	}

}
