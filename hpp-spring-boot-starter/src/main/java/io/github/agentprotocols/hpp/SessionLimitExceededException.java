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
 * Thrown by a {@link SessionStore} that cannot take another session: the store is full,
 * or the session's owner already has as many live sessions as allowed.
 */
public class SessionLimitExceededException extends HppException {

	/**
	 * The owner whose limit was reached, or {@code null} for the global limit.
	 */
	private final @Nullable String owner;

	/**
	 * Creates the exception for a full store.
	 * @param maxSessions the store's session cap
	 */
	public SessionLimitExceededException(int maxSessions) {
		super("Session store is full (" + maxSessions + " sessions)");
		this.owner = null;
	}

	/**
	 * Creates the exception for an owner at its cap.
	 * @param owner the owner
	 * @param maxSessionsPerOwner the cap of live sessions per owner
	 */
	public SessionLimitExceededException(String owner, int maxSessionsPerOwner) {
		super("Owner has " + maxSessionsPerOwner + " live sessions already");
		this.owner = owner;
	}

	/**
	 * Whether the owner's cap, rather than the store's, was reached.
	 * @return true when the owner has too many sessions
	 */
	public boolean isOwnerLimit() {
		return this.owner != null;
	}

}
