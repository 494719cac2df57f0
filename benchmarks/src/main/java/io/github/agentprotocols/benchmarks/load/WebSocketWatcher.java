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
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A WebSocket connection that only listens: stages returned by {@link #next(String)}
 * complete, in order, with the next text frames containing a marker. Used to time pushes
 * the server makes in answer to some other request.
 */
public final class WebSocketWatcher implements WebSocket.Listener, AutoCloseable {

	private final Queue<Expectation> expected = new ConcurrentLinkedQueue<>();

	private final StringBuilder text = new StringBuilder();

	private final WebSocket socket;

	private WebSocketWatcher(HttpClient client, URI uri, String firstMarker) {
		CompletableFuture<String> first = (firstMarker != null) ? next(firstMarker) : null;
		this.socket = client.newWebSocketBuilder().buildAsync(uri, this).join();
		if (first != null) {
			first.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
		}
	}

	/**
	 * Open a connection and wait for its first frame containing {@code firstMarker}.
	 * @param client the client
	 * @param uri the WebSocket address
	 * @param firstMarker text the greeting frame contains
	 * @return the open watcher
	 */
	public static WebSocketWatcher open(HttpClient client, URI uri, String firstMarker) {
		return new WebSocketWatcher(client, uri, firstMarker);
	}

	/**
	 * Open a connection to a server that sends nothing first.
	 * @param client the client
	 * @param uri the WebSocket address
	 * @return the open watcher
	 */
	public static WebSocketWatcher openNoGreeting(HttpClient client, URI uri) {
		return new WebSocketWatcher(client, uri, null);
	}

	/**
	 * A stage completing with the next frame that contains {@code marker}; frames without
	 * it are skipped.
	 * @param marker the text to look for
	 * @return the stage
	 */
	public CompletableFuture<String> next(String marker) {
		Expectation expectation = new Expectation(marker, new CompletableFuture<>());
		this.expected.add(expectation);
		return expectation.frame();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.text.append(data);
		if (last) {
			String frame = this.text.toString();
			this.text.setLength(0);
			Expectation head = this.expected.peek();
			if (head != null && frame.contains(head.marker()) && this.expected.remove(head)) {
				head.frame().complete(frame);
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.expected.forEach((expectation) -> expectation.frame().completeExceptionally(error));
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private record Expectation(String marker, CompletableFuture<String> frame) {
	}

}
