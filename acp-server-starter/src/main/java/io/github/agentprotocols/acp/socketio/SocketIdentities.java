package io.github.agentprotocols.acp.socketio;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.store.Store;
import io.github.agentprotocols.acp.Identity;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a socket, one per namespace of its Engine.IO session (spec §5.2 step
 * 4), kept in the session's netty-socketio store: a socket without one has not passed the
 * namespace connect and may do nothing. netty-socketio's own auth token is shared by all
 * the namespaces of a session, so it is not used.
 */
final class SocketIdentities {

	private static final String KEY_PREFIX = "acp.identity:";

	private SocketIdentities() {
	}

	static void connected(Store session, String namespace, Identity identity) {
		session.set(KEY_PREFIX + namespace, identity);
	}

	static void disconnected(Store session, String namespace) {
		session.del(KEY_PREFIX + namespace);
	}

	/**
	 * The identity of a socket.
	 * @param socket the socket: a session in one namespace
	 * @return the identity it connected with, or {@code null} if it did not pass the
	 * connect
	 */
	static @Nullable Identity of(SocketIOClient socket) {
		return socket.get(KEY_PREFIX + socket.getNamespace().getName());
	}

}
