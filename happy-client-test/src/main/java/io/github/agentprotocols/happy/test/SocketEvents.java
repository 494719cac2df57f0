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

import java.util.Map;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import org.jspecify.annotations.Nullable;

/**
 * The Socket.IO side of the fake (spec §5): authentication of the handshake's
 * {@code auth} object with the server's {@code connect_error} messages, the client types,
 * and the client-to-server events with their acks.
 */
final class SocketEvents {

	private final Tokens tokens;

	private final Accounts accounts;

	private final Sessions sessions;

	private final Machines machines;

	private final RpcRouter rpc;

	private final SocketRegistry sockets;

	private final InboundPackets inbound;

	private final FakeHappyFaults faults;

	SocketEvents(Tokens tokens, Accounts accounts, Sessions sessions, Machines machines, RpcRouter rpc,
			SocketRegistry sockets, InboundPackets inbound, FakeHappyFaults faults) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.sessions = sessions;
		this.machines = machines;
		this.rpc = rpc;
		this.sockets = sockets;
		this.inbound = inbound;
		this.faults = faults;
	}

	void listen(SocketIONamespace namespace) {
		namespace.addAuthTokenListener(this::authenticate);
		namespace.addDisconnectListener(this::disconnected);
		on(namespace, "rpc-register", (connection, data, ack) -> this.rpc.register(connection, data));
		on(namespace, "rpc-unregister", (connection, data, ack) -> this.rpc.unregister(connection, data));
		on(namespace, "rpc-call", this.rpc::call);
		on(namespace, "update-metadata", this::updateMetadata);
		on(namespace, "update-state", this::updateState);
		on(namespace, "message", this::message);
		on(namespace, "session-alive", this::sessionAlive);
		on(namespace, "session-end", this::sessionEnd);
		on(namespace, "machine-alive", this::machineAlive);
		on(namespace, "machine-update-metadata", this::machineUpdateMetadata);
		on(namespace, "machine-update-state", this::machineUpdateState);
		on(namespace, "ping", (connection, data, ack) -> ack.sendAckData(Json.object()));
	}

	/**
	 * Decides a CONNECT, and records the socket once accepted: netty-socketio also runs
	 * connect listeners when the Engine.IO session opens, before any CONNECT, so they
	 * cannot tell an authenticated socket.
	 */
	private AuthTokenResult authenticate(@Nullable Object auth, SocketIOClient client) {
		Map<?, ?> fields = (auth instanceof Map<?, ?> map) ? map : Map.of();
		Object token = fields.get("token");
		ClientType type = ClientType.of(fields.get("clientType"));
		String sessionId = text(fields.get("sessionId"));
		String machineId = text(fields.get("machineId"));
		if (!(token instanceof String value) || value.isEmpty()) {
			return refuse("Missing authentication token");
		}
		if (type == ClientType.SESSION_SCOPED && sessionId == null) {
			return refuse("Session ID required for session-scoped clients");
		}
		if (type == ClientType.MACHINE_SCOPED && machineId == null) {
			return refuse("Machine ID required for machine-scoped clients");
		}
		String account = this.tokens.accountOf(value);
		if (account == null || !this.accounts.exists(account)) {
			return refuse("Invalid authentication token");
		}
		this.sockets
			.add(new SocketConnection(client, account, type, (type == ClientType.SESSION_SCOPED) ? sessionId : null,
					(type == ClientType.MACHINE_SCOPED) ? machineId : null));
		if (type == ClientType.MACHINE_SCOPED && machineId != null) {
			this.machines.socketActivity(account, machineId, true);
		}
		return AuthTokenResult.AuthTokenResultSuccess;
	}

	private static AuthTokenResult refuse(String message) {
		return new AuthTokenResult(false, Json.object("message", message));
	}

	private void disconnected(SocketIOClient client) {
		this.inbound.forget(client.getSessionId());
		SocketConnection connection = this.sockets.remove(client.getSessionId());
		if (connection == null) {
			return;
		}
		this.rpc.disconnected(connection);
		if (connection.sessionId() != null) {
			this.sessions.releaseHeldMessage(connection.sessionId());
		}
		if (connection.type() == ClientType.MACHINE_SCOPED && connection.machineId() != null) {
			this.machines.socketActivity(connection.accountId(), connection.machineId(), false);
		}
	}

	private void updateMetadata(SocketConnection connection, @Nullable Object data, AckRequest ack) {
		Map<?, ?> fields = fields(data);
		String sessionId = text(fields.get("sid"));
		Object metadata = fields.get("metadata");
		Long version = version(fields.get("expectedVersion"));
		if (sessionId == null || !(metadata instanceof String value) || version == null) {
			ack.sendAckData(Json.object("result", "error"));
			return;
		}
		MetadataAckFault fault = this.faults.metadataAckFault(sessionId);
		if (fault != null) {
			switch (fault) {
				case ERROR -> ack.sendAckData(Json.object("result", "error"));
				case MALFORMED -> ack.sendAckData("malformed");
				case NONE -> {
				}
			}
			return;
		}
		Map<String, @Nullable Object> answer = this.sessions.updateMetadata(connection.accountId(), sessionId, value,
				version);
		if (answer != null) {
			ack.sendAckData(answer);
		}
	}

	private void updateState(SocketConnection connection, @Nullable Object data, AckRequest ack) {
		Map<?, ?> fields = fields(data);
		String sessionId = text(fields.get("sid"));
		Object state = fields.get("agentState");
		Long version = version(fields.get("expectedVersion"));
		if (sessionId == null || !(state == null && fields.containsKey("agentState") || state instanceof String)
				|| version == null) {
			ack.sendAckData(Json.object("result", "error"));
			return;
		}
		ack.sendAckData(this.sessions.updateState(connection.accountId(), sessionId, (String) state, version));
	}

	private void message(SocketConnection connection, @Nullable Object data, AckRequest ack) {
		Map<?, ?> fields = fields(data);
		String sessionId = text(fields.get("sid"));
		if (sessionId != null && fields.get("message") instanceof String content) {
			this.sessions.receive(connection.accountId(), sessionId, content,
					(fields.get("localId") instanceof String localId) ? localId : null, connection.socketId());
		}
	}

	private void sessionAlive(SocketConnection connection, @Nullable Object data, AckRequest ack) {
		Map<?, ?> fields = fields(data);
		String sessionId = text(fields.get("sid"));
		if (sessionId != null && fields.get("time") instanceof Number time) {
			this.sessions.alive(connection.accountId(), sessionId, time.longValue(),
					Boolean.TRUE.equals(fields.get("thinking")));
		}
	}

	private void sessionEnd(SocketConnection connection, @Nullable Object data, AckRequest ack) {
		Map<?, ?> fields = fields(data);
		String sessionId = text(fields.get("sid"));
		if (sessionId != null && fields.get("time") instanceof Number time) {
			this.sessions.end(connection.accountId(), sessionId, time.longValue());
		}
	}

	private void machineAlive(SocketConnection connection, @Nullable Object data, AckRequest ack) {
		Map<?, ?> fields = fields(data);
		String machineId = text(fields.get("machineId"));
		if (machineId != null && fields.get("time") instanceof Number time) {
			this.machines.alive(connection.accountId(), machineId, time.longValue());
		}
	}

	private void machineUpdateMetadata(SocketConnection connection, @Nullable Object data, AckRequest ack) {
		Map<?, ?> fields = fields(data);
		String machineId = text(fields.get("machineId"));
		Long version = version(fields.get("expectedVersion"));
		if (machineId == null || !(fields.get("metadata") instanceof String metadata) || version == null) {
			ack.sendAckData(Json.object("result", "error", "message", "Invalid parameters"));
			return;
		}
		ack.sendAckData(this.machines.updateMetadata(connection.accountId(), machineId, metadata, version));
	}

	private void machineUpdateState(SocketConnection connection, @Nullable Object data, AckRequest ack) {
		Map<?, ?> fields = fields(data);
		String machineId = text(fields.get("machineId"));
		Long version = version(fields.get("expectedVersion"));
		if (machineId == null || !(fields.get("daemonState") instanceof String state) || version == null) {
			ack.sendAckData(Json.object("result", "error", "message", "Invalid parameters"));
			return;
		}
		ack.sendAckData(this.machines.updateState(connection.accountId(), machineId, state, version));
	}

	private void on(SocketIONamespace namespace, String event, Handler handler) {
		namespace.addEventListener(event, Object.class, (client, data, ack) -> {
			SocketConnection connection = this.sockets.get(client.getSessionId());
			if (connection != null) {
				handler.handle(connection, data, ack);
			}
		});
	}

	private static Map<?, ?> fields(@Nullable Object data) {
		return (data instanceof Map<?, ?> map) ? map : Map.of();
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value instanceof String string && !string.isEmpty()) ? string : null;
	}

	/**
	 * An expected version: any JSON number; a fraction never matches a stored version.
	 */
	private static @Nullable Long version(@Nullable Object value) {
		if (!(value instanceof Number number)) {
			return null;
		}
		double exact = number.doubleValue();
		return (exact == Math.rint(exact)) ? number.longValue() : -1L;
	}

	@FunctionalInterface
	private interface Handler {

		void handle(SocketConnection connection, @Nullable Object data, AckRequest ack);

	}

}
