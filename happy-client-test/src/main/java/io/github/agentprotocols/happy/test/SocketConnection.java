package io.github.agentprotocols.happy.test;

import java.util.UUID;

import com.corundumstudio.socketio.SocketIOClient;
import org.jspecify.annotations.Nullable;

/**
 * An authenticated Socket.IO connection: its account and client type, and the session or
 * machine it is scoped to.
 */
record SocketConnection(SocketIOClient client, String accountId, ClientType type, @Nullable String sessionId,
		@Nullable String machineId) {

	UUID socketId() {
		return this.client.getSessionId();
	}

}
