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

/**
 * Thrown by a wait on a session that has ended: its metadata says
 * {@code lifecycleState: archived}, or the server holds it inactive (its agent sent
 * {@code session-end}, it was archived, or its heartbeats stopped). Such a session
 * answers no prompt and never goes idle again, so the wait fails at once rather than at
 * its deadline.
 */
public class SessionArchivedException extends HappyException {

	/** The session that has ended. */
	private final String sessionId;

	/**
	 * Creates an exception for the given session.
	 * @param message the detail message
	 * @param sessionId the id of the session that has ended
	 */
	public SessionArchivedException(String message, String sessionId) {
		super(message);
		this.sessionId = sessionId;
	}

	/**
	 * The id of the session that has ended.
	 * @return the session id
	 */
	public String sessionId() {
		return this.sessionId;
	}

}
