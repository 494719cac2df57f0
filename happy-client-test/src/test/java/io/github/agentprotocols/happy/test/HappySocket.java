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

package io.github.agentprotocols.happy.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.agentprotocols.testsupport.RecordingSocket;
import io.socket.client.IO;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A socket of the Java {@code io.socket:socket.io-client} 2.1.2 (websocket transport, no
 * reconnection unless asked), recording every server-to-client event.
 */
final class HappySocket implements AutoCloseable {

	static final List<String> SERVER_EVENTS = List.of("update", "ephemeral", "rpc-registered", "rpc-unregistered",
			"rpc-error", "rpc-request");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final RecordingSocket socket;

	private HappySocket(String url, @Nullable Map<String, String> auth, boolean reconnect) {
		IO.Options options = IO.Options.builder()
			.setForceNew(true)
			.setReconnection(reconnect)
			.setReconnectionDelay(100)
			.setReconnectionDelayMax(200)
			.setPath(FakeHappyServer.SOCKET_PATH)
			.setTransports(new String[] { "websocket" })
			.build();
		if (auth != null) {
			options.auth = auth;
		}
		this.socket = RecordingSocket.connect(url, options, SERVER_EVENTS, WAIT, HappySocket::parse);
	}

	static HappySocket open(String url, @Nullable Map<String, String> auth) {
		return new HappySocket(url, auth, false);
	}

	static HappySocket user(FakeHappyServer server, String token) {
		return open(server.url(), Map.of("token", token)).connected();
	}

	static HappySocket session(FakeHappyServer server, String token, String sessionId) {
		return open(server.url(), Map.of("token", token, "clientType", "session-scoped", "sessionId", sessionId))
			.connected();
	}

	static HappySocket machine(FakeHappyServer server, String token, String machineId) {
		return open(server.url(), Map.of("token", token, "clientType", "machine-scoped", "machineId", machineId))
			.connected();
	}

	static HappySocket reconnecting(FakeHappyServer server, String token) {
		return new HappySocket(server.url(), Map.of("token", token), true).connected();
	}

	/**
	 * Waits for the connect's outcome.
	 * @return the CONNECT_ERROR data, or {@code null} once connected
	 */
	@Nullable JsonNode connectError() {
		return this.socket.connectError();
	}

	HappySocket connected() {
		this.socket.awaitConnected();
		return this;
	}

	/**
	 * Emits an event and waits for its acknowledgement.
	 */
	JsonNode emit(String event, String payload) {
		return this.socket.emit(event, payload);
	}

	CompletableFuture<JsonNode> emitAsync(String event, @Nullable String payload) {
		return (payload != null) ? this.socket.emitAsync(event, payload) : this.socket.emitAsync(event);
	}

	void emitWithoutAck(String event, String payload) {
		this.socket.emitWithoutAck(event, payload);
	}

	/**
	 * Makes sure the server has handled everything this socket sent before, and that what
	 * it sent this socket meanwhile has arrived: the {@code ping} ack comes after.
	 */
	void sync() {
		get(emitAsync("ping", null));
	}

	/**
	 * Answers every {@code rpc-request} with the function's result.
	 */
	void answerRpc(Function<JsonNode, @Nullable Object> answer) {
		this.socket.on("rpc-request", (args) -> answer.apply(this.socket.json(args)));
	}

	List<JsonNode> received(String event) {
		return this.socket.received(event);
	}

	/**
	 * The bodies of the {@code update} events received.
	 */
	List<JsonNode> updates() {
		return received("update").stream().map((update) -> update.get("body")).toList();
	}

	JsonNode awaitReceived(String event, Predicate<JsonNode> predicate) {
		return this.socket.awaitReceived(event, predicate);
	}

	JsonNode awaitUpdate(String type) {
		return awaitReceived("update", (update) -> update.get("body").get("t").asString().equals(type)).get("body");
	}

	List<String> disconnects() {
		return this.socket.disconnects();
	}

	boolean isConnected() {
		return this.socket.isConnected();
	}

	@Override
	public void close() {
		this.socket.close();
	}

	/**
	 * JSON text as a tree, for comparisons that ignore member order (the client's
	 * {@code org.json} does not keep it).
	 */
	static JsonNode parse(String json) {
		return Rest.json.readTree(json);
	}

	static <T> T get(CompletableFuture<T> future) {
		return future.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

}
