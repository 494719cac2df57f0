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
 * Thrown when a session is unknown to the server: absent from the listings, answered 404
 * on its messages, archive or delete, or never acknowledging a metadata update.
 */
public class SessionNotFoundException extends HappyException {

	/** The session that was not found. */
	private final String sessionId;

	/**
	 * Creates an exception for the given session.
	 * @param sessionId the id of the session not found
	 */
	public SessionNotFoundException(String sessionId) {
		this(sessionId, null);
	}

	/**
	 * Creates an exception for the given session, with a cause.
	 * @param sessionId the id of the session not found
	 * @param cause the cause, if any
	 */
	public SessionNotFoundException(String sessionId, @Nullable Throwable cause) {
		super("Session not found: " + sessionId, cause);
		this.sessionId = sessionId;
	}

	/**
	 * The id of the session not found.
	 * @return the session id
	 */
	public String sessionId() {
		return this.sessionId;
	}

}
