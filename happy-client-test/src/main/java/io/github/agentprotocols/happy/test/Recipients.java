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

package io.github.agentprotocols.happy.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The sockets of an account an update or ephemeral goes to (spec §5.2), as the server's
 * recipient filters pick them.
 *
 * @param kind the filter
 * @param scope the session or machine id of the scoped filters
 */
record Recipients(Kind kind, @Nullable String scope) {

	static Recipients everyone() {
		return new Recipients(Kind.EVERYONE, null);
	}

	static Recipients userScoped() {
		return new Recipients(Kind.USER_SCOPED, null);
	}

	/**
	 * The user-scoped sockets and the session-scoped sockets of the session.
	 */
	static Recipients session(String sessionId) {
		return new Recipients(Kind.SESSION, sessionId);
	}

	/**
	 * The user-scoped sockets and the machine-scoped sockets of the machine.
	 */
	static Recipients machine(String machineId) {
		return new Recipients(Kind.MACHINE, machineId);
	}

	boolean includes(SocketConnection connection) {
		if (this.kind == Kind.EVERYONE || connection.type() == ClientType.USER_SCOPED) {
			return true;
		}
		return switch (this.kind) {
			case SESSION ->
				connection.type() == ClientType.SESSION_SCOPED && Objects.equals(connection.sessionId(), this.scope);
			case MACHINE ->
				connection.type() == ClientType.MACHINE_SCOPED && Objects.equals(connection.machineId(), this.scope);
			default -> false;
		};
	}

	enum Kind {

		EVERYONE, USER_SCOPED, SESSION, MACHINE

	}

}
