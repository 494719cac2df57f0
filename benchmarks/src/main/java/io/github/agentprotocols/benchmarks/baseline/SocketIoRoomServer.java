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

import java.util.Map;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;

/**
 * The raw Socket.IO room baseline: a bare netty-socketio server on a free loopback port,
 * with its defaults, where {@value #JOIN} puts the socket in the room {@code thread:<id>}
 * named by the payload's {@code thread_id} and acknowledges with an empty replay, and
 * {@link #broadcast} emits {@value #EVENT} to a room. No authentication, no gates, no
 * store.
 */
public final class SocketIoRoomServer implements AutoCloseable {

	/** The event that puts a socket in a room. */
	public static final String JOIN = "thread:join";

	/** The event the room receives. */
	public static final String EVENT = "event";

	private final SocketIOServer server;

	private final int port;

	private SocketIoRoomServer(SocketIOServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Start a server on a free loopback port.
	 * @return the running server
	 */
	public static SocketIoRoomServer start() {
		Configuration configuration = new Configuration();
		configuration.setHostname("127.0.0.1");
		int port = SocketIoEchoServer.freePort();
		configuration.setPort(port);
		SocketIOServer server = new SocketIOServer(configuration);
		server.addEventListener(JOIN, Map.class, (client, data, ack) -> {
			Object threadId = data.get("thread_id");
			client.joinRoom("thread:" + threadId);
			ack.sendAckData(Map.of("thread_id", threadId, "replayed", new Object[0], "replay_truncated", false));
		});
		server.start();
		return new SocketIoRoomServer(server, port);
	}

	/**
	 * Emit {@value #EVENT} to every socket in a room.
	 * @param room the room
	 * @param payload the payload, written to JSON by netty-socketio for each socket (a
	 * Jackson {@code RawValue} verbatim)
	 */
	public void broadcast(String room, Object payload) {
		this.server.getRoomOperations(room).sendEvent(EVENT, payload);
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
