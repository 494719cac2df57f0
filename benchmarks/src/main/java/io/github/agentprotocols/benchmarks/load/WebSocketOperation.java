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

package io.github.agentprotocols.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A request/answer exchange over WebSocket per call: sends one text message and completes
 * with the next text message the server sends on that connection. Calls are spread over a
 * pool of connections; the server must answer each connection's messages in order.
 */
public final class WebSocketOperation implements Operation, AutoCloseable {

	private final List<Connection> connections = new ArrayList<>();

	private final AtomicInteger next = new AtomicInteger();

	private final Supplier<String> messages;

	/**
	 * Open {@code size} connections to {@code uri}.
	 * @param client the client
	 * @param uri the WebSocket address
	 * @param size how many connections to open
	 * @param messages the message of each call
	 */
	public WebSocketOperation(HttpClient client, URI uri, int size, Supplier<String> messages) {
		this.messages = messages;
		for (int i = 0; i < size; i++) {
			Connection connection = new Connection();
			connection.socket = client.newWebSocketBuilder()
				.buildAsync(uri, connection)
				.orTimeout(10, TimeUnit.SECONDS)
				.join();
			connection.lastSend = CompletableFuture.completedFuture(connection.socket);
			this.connections.add(connection);
		}
	}

	@Override
	public CompletionStage<String> call() {
		Connection connection = this.connections
			.get(Math.floorMod(this.next.getAndIncrement(), this.connections.size()));
		return connection.exchange(this.messages.get());
	}

	@Override
	public void close() {
		this.connections.forEach((connection) -> connection.socket.abort());
	}

	private static final class Connection implements WebSocket.Listener {

		private final Queue<CompletableFuture<String>> pending = new ConcurrentLinkedQueue<>();

		private final StringBuilder text = new StringBuilder();

		private WebSocket socket;

		private CompletableFuture<WebSocket> lastSend;

		synchronized CompletionStage<String> exchange(String message) {
			CompletableFuture<String> answer = new CompletableFuture<>();
			this.pending.add(answer);
			this.lastSend = this.lastSend.thenCompose((ws) -> ws.sendText(message, true));
			this.lastSend.whenComplete((ws, failure) -> {
				if (failure != null) {
					answer.completeExceptionally(failure);
				}
			});
			return answer;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				CompletableFuture<String> answer = this.pending.poll();
				if (answer != null) {
					answer.complete(this.text.toString());
				}
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			failAll(error);
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			failAll(new IllegalStateException("closed: " + statusCode + " " + reason));
			return null;
		}

		private void failAll(Throwable error) {
			CompletableFuture<String> answer;
			while ((answer = this.pending.poll()) != null) {
				answer.completeExceptionally(error);
			}
		}

	}

}
