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

package io.github.agentprotocols.happy.observation;

import org.jspecify.annotations.Nullable;

/**
 * The context of an operation on one session, whose id may be known only once the
 * operation spawned it.
 */
public abstract class SessionObservationContext extends OutcomeObservationContext {

	private @Nullable String sessionId;

	/**
	 * The session.
	 * @return its id, or {@code null} before it is known
	 */
	public @Nullable String getSessionId() {
		return this.sessionId;
	}

	/**
	 * Set the session.
	 * @param sessionId its id
	 */
	public void setSessionId(String sessionId) {
		this.sessionId = sessionId;
	}

}
