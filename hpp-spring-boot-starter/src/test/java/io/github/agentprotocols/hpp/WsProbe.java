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

package io.github.agentprotocols.hpp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * A real WebSocket client (the JDK's) that records every text frame and the close code.
 */
public final class WsProbe implements WebSocket.Listener, AutoCloseable {

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	private WsProbe(URI uri, String... headers) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		this.socket = builder.buildAsync(uri, this).join();
	}

	/**
	 * Opens a connection.
	 * @param port the server port
	 * @param pathAndQuery for example {@code /ws/handshake/<sid>?token=<token>}
	 * @param headers header name/value pairs for the upgrade request
	 * @return the probe
	 */
	public static WsProbe open(int port, String pathAndQuery, String... headers) {
		return new WsProbe(URI.create("ws://localhost:" + port + pathAndQuery), headers);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.frames.add(HttpProbe.json.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(-1);
	}

	/** The next frame, failing after the timeout. */
	public JsonNode next(Duration timeout) throws InterruptedException {
		JsonNode frame = this.frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (frame == null) {
			throw new AssertionError("no frame within " + timeout);
		}
		return frame;
	}

	/** The next frame that is not a heartbeat. */
	public JsonNode nextEvent(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			JsonNode frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			if (!"heartbeat".equals(frame.path("type").asString(""))) {
				return frame;
			}
		}
	}

	/** Frames received so far and not yet taken. */
	public List<JsonNode> drain() {
		List<JsonNode> drained = new ArrayList<>();
		this.frames.drainTo(drained);
		return drained;
	}

	public void send(String text) {
		this.socket.sendText(text, true).join();
	}

	/** The close code the server sent, failing after the timeout. */
	public int awaitClose(Duration timeout) throws Exception {
		return this.closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	public boolean isOpen() {
		return !this.closed.isDone() && !this.socket.isInputClosed();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

}
