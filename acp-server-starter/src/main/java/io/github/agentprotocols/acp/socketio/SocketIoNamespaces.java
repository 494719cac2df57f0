package io.github.agentprotocols.acp.socketio;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;

/**
 * The namespaces of one netty-socketio server, each listening to the transport's events
 * and forgetting a socket's identity when it leaves: the main namespace from the start,
 * others as namespace connects open them.
 */
final class SocketIoNamespaces {

	private final SocketIOServer server;

	private final SocketIoEvents events;

	private final Set<String> open = ConcurrentHashMap.newKeySet();

	SocketIoNamespaces(SocketIOServer server, SocketIoEvents events) {
		this.server = server;
		this.events = events;
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
		namespace.addDisconnectListener((socket) -> SocketIdentities.disconnected(socket, name));
		this.open.add(name);
	}

	/**
	 * The open namespaces.
	 * @return the namespaces
	 */
	Collection<SocketIONamespace> all() {
		return this.server.getAllNamespaces();
	}

}
