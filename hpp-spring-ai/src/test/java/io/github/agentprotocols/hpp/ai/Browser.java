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

package io.github.agentprotocols.hpp.ai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user's side of a session: creates it over HTTP and holds its WebSocket (the JDK's
 * client), recording every frame but heartbeats.
 */
public final class Browser implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	/** The session's id. */
	public final String sessionId;

	/** The session's token. */
	public final String token;

	private Browser(int port, JsonNode created) {
		this.sessionId = created.get("sessionId").stringValue();
		this.token = created.get("token").stringValue();
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(
					URI.create("ws://127.0.0.1:" + port + created.get("wsUrl").stringValue() + "?token=" + this.token),
					this)
			.join();
	}

	/**
	 * Creates a session of {@link HppAgentApplication#FORM} and opens its WebSocket.
	 * @param port the application's port
	 * @return the browser, its connection accepted
	 */
	public static Browser open(int port) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/handshake/session"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(HppAgentApplication.FORM))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("create failed: " + response.body());
		}
		Browser browser = new Browser(port, json.readTree(response.body()));
		JsonNode connected = browser.next();
		if (!"connected".equals(connected.path("type").asString(""))) {
			throw new IllegalStateException("not connected: " + connected);
		}
		return browser;
	}

	/** Sends a user edit. */
	public void edit(String key, String value) {
		this.socket
			.sendText(json.createObjectNode().put("type", "userEdit").put("key", key).put("value", value).toString(),
					true)
			.join();
	}

	/** The next frame other than a heartbeat, failing after 10 seconds. */
	public JsonNode next() throws InterruptedException {
		while (true) {
			JsonNode frame = this.frames.poll(10, TimeUnit.SECONDS);
			if (frame == null) {
				throw new AssertionError("no frame within " + Duration.ofSeconds(10));
			}
			if (!"heartbeat".equals(frame.path("type").asString(""))) {
				return frame;
			}
		}
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.frames.add(json.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public void close() {
		this.socket.abort();
	}

}
