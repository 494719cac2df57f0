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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated Socket.IO connections, by socket id. netty-socketio keeps a socket
 * whose authentication was refused in its namespace and still dispatches its events: only
 * the sockets held here are served.
 */
final class SocketRegistry {

	private final Map<UUID, SocketConnection> connections = new ConcurrentHashMap<>();

	void add(SocketConnection connection) {
		this.connections.put(connection.socketId(), connection);
	}

	@Nullable SocketConnection remove(UUID socketId) {
		return this.connections.remove(socketId);
	}

	@Nullable SocketConnection get(UUID socketId) {
		return this.connections.get(socketId);
	}

	List<SocketConnection> ofAccount(String accountId) {
		return this.connections.values()
			.stream()
			.filter((connection) -> connection.accountId().equals(accountId))
			.toList();
	}

	List<SocketConnection> all() {
		return List.copyOf(this.connections.values());
	}

}
