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

package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.core.HappyException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server does not accept a session metadata update: its
 * {@code update-metadata} acknowledgement is an error, is malformed, or never comes.
 */
public class MetadataUpdateException extends HappyException {

	/** The session whose metadata could not be updated. */
	private final @Nullable String sessionId;

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public MetadataUpdateException(String message) {
		this(message, null, null);
	}

	/**
	 * Creates an exception for the given session.
	 * @param message the detail message
	 * @param sessionId the id of the session updated, if known
	 */
	public MetadataUpdateException(String message, @Nullable String sessionId) {
		this(message, sessionId, null);
	}

	/**
	 * Creates an exception for the given session, with a cause.
	 * @param message the detail message
	 * @param sessionId the id of the session updated, if known
	 * @param cause the cause, if any
	 */
	public MetadataUpdateException(String message, @Nullable String sessionId, @Nullable Throwable cause) {
		super(message, cause);
		this.sessionId = sessionId;
	}

	/**
	 * The id of the session whose metadata was being updated.
	 * @return the session id, or {@code null} when unknown
	 */
	public @Nullable String sessionId() {
		return this.sessionId;
	}

}
