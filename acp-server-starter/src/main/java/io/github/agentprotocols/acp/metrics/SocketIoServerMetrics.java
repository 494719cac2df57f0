package io.github.agentprotocols.acp.metrics;

import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges an {@link AcpSocketIoServer} in Micrometer: {@code acp.socketio.connections},
 * the sockets connected now (a socket counted once per namespace it connected to), and
 * {@code acp.socketio.rooms}, the thread rooms holding at least one socket. Both read 0
 * while the server is stopped.
 */
public class SocketIoServerMetrics {

	/**
	 * Creates the gauges in a registry.
	 * @param registry the registry
	 * @param server the server
	 */
	public SocketIoServerMetrics(MeterRegistry registry, AcpSocketIoServer server) {
		Gauge.builder("acp.socketio.connections", server, AcpSocketIoServer::connectedSockets)
			.description("Socket.IO sockets connected, once per namespace")
			.register(registry);
		Gauge.builder("acp.socketio.rooms", server, AcpSocketIoServer::occupiedThreadRooms)
			.description("Socket.IO thread rooms with at least one socket")
			.register(registry);
	}

}
