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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.testsupport.RecordingSocket;
import io.github.agentprotocols.testsupport.RecordingSocket.Received;
import io.socket.client.IO;
import io.socket.client.SocketOptionBuilder;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A socket of the Java {@code io.socket:socket.io-client} (2.1.2) on one transport,
 * recording every server-to-client event of spec §5.6 in the order it arrived.
 */
public final class TestSocket implements AutoCloseable {

	static final List<String> SERVER_EVENTS = List.of("event", "thread:updated", "members:updated", "run:updated",
			"thread:removed");

	private static final Duration WAIT = Duration.ofSeconds(30);

	/**
	 * The HTTP client of every test socket: each test socket stands for a client of its
	 * own, so none may wait for another's long poll.
	 */
	private static final OkHttpClient HTTP = RecordingSocket.unqueuedHttpClient();

	private final RecordingSocket socket;

	private TestSocket(String url, String transport, @Nullable String user, Map<String, List<String>> headers) {
		SocketOptionBuilder options = IO.Options.builder()
			.setForceNew(true)
			.setReconnection(false)
			.setTransports(new String[] { transport })
			.setExtraHeaders(headers);
		if (user != null) {
			options.setAuth(Map.of("user", user));
		}
		IO.Options built = options.build();
		built.callFactory = HTTP;
		built.webSocketFactory = HTTP;
		this.socket = RecordingSocket.connect(url, built, SERVER_EVENTS, WAIT, AcpJson::parse);
	}

	/**
	 * Opens a socket to the main namespace.
	 * @param url the server's base URL, or a namespace's URL
	 * @param transport {@code websocket} or {@code polling}
	 * @param user the {@code auth.user} sent with the connect, or {@code null} for no
	 * {@code auth}
	 * @return the socket, connecting
	 */
	public static TestSocket open(String url, String transport, @Nullable String user) {
		return new TestSocket(url, transport, user, Map.of());
	}

	static TestSocket open(String url, String transport, @Nullable String user, Map<String, List<String>> headers) {
		return new TestSocket(url, transport, user, headers);
	}

	/**
	 * Waits for the connect's outcome.
	 * @return the CONNECT_ERROR data, or {@code null} once connected
	 */
	public @Nullable JsonNode connectError() {
		return this.socket.connectError();
	}

	public TestSocket connected() {
		this.socket.awaitConnected();
		return this;
	}

	/**
	 * Emits an event and waits for its acknowledgement.
	 * @param event the event
	 * @param payload the payload: JSON text of an object, or any other value as is
	 * @return the acknowledgement's argument
	 */
	public JsonNode emit(String event, Object payload) {
		return this.socket.emit(event, payload);
	}

	void emitWithoutAck(String event, Object payload) {
		this.socket.emitWithoutAck(event, payload);
	}

	List<Received> received() {
		return this.socket.received();
	}

	public List<JsonNode> received(String event) {
		return this.socket.received(event);
	}

	/**
	 * Waits until an event matching the predicate has arrived.
	 */
	public JsonNode awaitReceived(String event, Predicate<JsonNode> predicate) {
		return this.socket.awaitReceived(event, predicate);
	}

	/**
	 * Makes sure that everything the server sent this socket before now has arrived: an
	 * acknowledgement comes after what was queued for the socket before it.
	 */
	public void sync() {
		emit("thread:leave", "{\"thread_id\":\"sync\"}");
	}

	boolean isConnected() {
		return this.socket.isConnected();
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
