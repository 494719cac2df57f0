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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An Engine.IO v4 WebSocket that sends and receives raw Socket.IO packets, for what a
 * well-behaved client never does: emitting events on a namespace it was refused, or never
 * connected to.
 */
final class RawEngineIoSocket implements AutoCloseable {

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final WebSocket webSocket;

	private RawEngineIoSocket(int port) {
		this.webSocket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"), new Listener())
			.join();
	}

	/**
	 * Opens a session and reads its OPEN packet.
	 * @param port the application's port
	 * @return the socket
	 */
	static RawEngineIoSocket open(int port) {
		RawEngineIoSocket socket = new RawEngineIoSocket(port);
		String open = socket.next();
		if (!open.startsWith("0{")) {
			throw new AssertionError("not an Engine.IO OPEN packet: " + open);
		}
		return socket;
	}

	void send(String packet) {
		this.webSocket.sendText(packet, true).join();
	}

	/**
	 * The next packet from the server other than a ping.
	 * @return the packet
	 */
	String next() {
		try {
			String frame;
			do {
				frame = this.frames.poll(30, TimeUnit.SECONDS);
				if (frame == null) {
					throw new AssertionError("no packet from the server");
				}
			}
			while (frame.equals("2"));
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.webSocket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				RawEngineIoSocket.this.frames.add(this.text.toString());
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
