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
