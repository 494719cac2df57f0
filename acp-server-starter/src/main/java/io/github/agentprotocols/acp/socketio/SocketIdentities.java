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

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * The caller of a socket, one per namespace of its Engine.IO session (spec §5.2 step 4):
 * its identity and, in namespace mode, the tenant its namespace names, kept in the
 * session's netty-socketio store. A socket without one has not passed the namespace
 * connect and may do nothing. netty-socketio's own auth token is shared by all the
 * namespaces of a session, so it is not used.
 */
final class SocketIdentities {

	private static final String KEY_PREFIX = "acp.identity:";

	private SocketIdentities() {
	}

	static void connected(Store session, String namespace, SocketCaller caller) {
		session.set(KEY_PREFIX + namespace, caller);
	}

	static void disconnected(Store session, String namespace) {
		session.del(KEY_PREFIX + namespace);
	}

	/**
	 * Whether an Engine.IO session has passed the connect of any namespace:
	 * netty-socketio puts every session in the main namespace at its handshake, connected
	 * or not.
	 * @param session the session
	 * @return whether one of its sockets has a caller
	 */
	static boolean anyConnected(ClientHead session) {
		for (Namespace namespace : session.getNamespaces()) {
			if (isConnected(session, namespace.getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an Engine.IO session has passed the connect of a namespace.
	 * @param session the session
	 * @param namespace the namespace's name, empty for the main namespace
	 * @return whether its socket in the namespace has a caller
	 */
	static boolean isConnected(ClientHead session, String namespace) {
		return session.getStore().has(KEY_PREFIX + namespace);
	}

	/**
	 * The caller of a socket.
	 * @param socket the socket: a session in one namespace
	 * @return the caller it connected as, or {@code null} if it did not pass the connect
	 */
	static @Nullable SocketCaller of(SocketIOClient socket) {
		return socket.get(KEY_PREFIX + socket.getNamespace().getName());
	}

}
