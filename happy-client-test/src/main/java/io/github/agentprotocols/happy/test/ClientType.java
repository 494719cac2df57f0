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

import org.jspecify.annotations.Nullable;

/**
 * The kinds of Socket.IO client (spec §5.1), named by the {@code clientType} of the
 * handshake's {@code auth} object.
 */
public enum ClientType {

	/**
	 * {@code user-scoped}, the default: apps and controllers; receives everything of the
	 * account.
	 */
	USER_SCOPED("user-scoped"),

	/**
	 * {@code session-scoped}: an agent process, with {@code sessionId}.
	 */
	SESSION_SCOPED("session-scoped"),

	/**
	 * {@code machine-scoped}: a daemon, with {@code machineId}.
	 */
	MACHINE_SCOPED("machine-scoped");

	private final String wireValue;

	ClientType(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value of {@code clientType}.
	 * @return the wire value
	 */
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The client type of a handshake: as the server, anything but the two scoped values
	 * counts as user-scoped.
	 * @param value the {@code clientType}, possibly absent
	 * @return the type
	 */
	static ClientType of(@Nullable Object value) {
		if (SESSION_SCOPED.wireValue.equals(value)) {
			return SESSION_SCOPED;
		}
		return MACHINE_SCOPED.wireValue.equals(value) ? MACHINE_SCOPED : USER_SCOPED;
	}

}
