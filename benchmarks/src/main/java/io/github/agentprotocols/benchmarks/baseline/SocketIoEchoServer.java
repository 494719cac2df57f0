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

package io.github.agentprotocols.benchmarks.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;

/**
 * The raw Socket.IO baseline: a bare netty-socketio server on loopback that acknowledges
 * every {@value #EVENT} event with its own payload.
 */
public final class SocketIoEchoServer implements AutoCloseable {

	/** The event the server echoes through its acknowledgement. */
	public static final String EVENT = "echo";

	private final SocketIOServer server;

	private final int port;

	private SocketIoEchoServer(SocketIOServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Start a server on a free loopback port.
	 * @return the running server
	 */
	public static SocketIoEchoServer start() {
		Configuration configuration = new Configuration();
		configuration.setHostname("127.0.0.1");
		int port = freePort();
		configuration.setPort(port);
		SocketIOServer server = new SocketIOServer(configuration);
		server.addEventListener(EVENT, Object.class, (client, data, ack) -> ack.sendAckData(data));
		server.start();
		return new SocketIoEchoServer(server, port);
	}

	/**
	 * A free loopback port.
	 * @return the port
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
