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

package io.github.agentprotocols.acp.metrics;

import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import io.github.agentprotocols.commons.Internal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges an {@link AcpSocketIoServer} in Micrometer: {@code acp.socketio.connections},
 * the sockets connected now (a socket counted once per namespace it connected to), and
 * {@code acp.socketio.rooms}, the thread rooms holding at least one socket. Both read 0
 * while the server is stopped.
 */
@Internal
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
