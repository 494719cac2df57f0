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

package io.github.agentprotocols.acp.socketio;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;

/**
 * The namespaces of one netty-socketio server, each listening to the transport's events
 * and forgetting a socket's identity, and the audiences of its rooms, when it leaves: the
 * main namespace from the start, others as namespace connects open them. When a session's
 * last socket leaves, its pending poll is answered.
 */
final class SocketIoNamespaces {

	private final SocketIOServer server;

	private final SocketIoEvents events;

	private final RoomAudiences audiences;

	private final Set<String> open = ConcurrentHashMap.newKeySet();

	SocketIoNamespaces(SocketIOServer server, SocketIoEvents events, RoomAudiences audiences) {
		this.server = server;
		this.events = events;
		this.audiences = audiences;
		open(Namespace.DEFAULT_NAME);
	}

	/**
	 * Whether a namespace is served.
	 * @param name the namespace's name, empty for the main namespace
	 * @return whether it is open
	 */
	boolean exists(String name) {
		return this.open.contains(name);
	}

	/**
	 * Opens a namespace unless it is open already.
	 * @param name the namespace's name, empty for the main namespace
	 */
	synchronized void open(String name) {
		if (exists(name)) {
			return;
		}
		SocketIONamespace namespace = this.server.addNamespace(name);
		this.events.register(namespace);
		namespace.addDisconnectListener((socket) -> {
			this.audiences.changed(name);
			SocketIdentities.disconnected(socket, name);
			answerPendingPoll(socket);
		});
		this.open.add(name);
	}

	/**
	 * Answers the pending poll of a long-polling session that has ended, with a NOOP
	 * packet, as the Node.js server does. netty-socketio leaves it unanswered, which
	 * holds a connection on the bridge, and one of the client's, until the client gives
	 * up.
	 */
	private static void answerPendingPoll(SocketIOClient socket) {
		if (socket instanceof NamespaceClient namespaceClient
				&& namespaceClient.getBaseClient().getNamespaces().isEmpty()) {
			ClientHead session = namespaceClient.getBaseClient();
			session.send(new Packet(PacketType.NOOP, session.getEngineIOVersion()), Transport.POLLING);
		}
	}

	/**
	 * The open namespaces.
	 * @return the namespaces
	 */
	Collection<SocketIONamespace> all() {
		return this.server.getAllNamespaces();
	}

}
