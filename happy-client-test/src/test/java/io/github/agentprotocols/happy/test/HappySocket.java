package io.github.agentprotocols.happy.test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import org.jspecify.annotations.Nullable;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.awaitility.Awaitility.await;

/**
 * A socket of the Java {@code io.socket:socket.io-client} 2.1.2 (websocket transport, no
 * reconnection unless asked), recording every server-to-client event.
 */
final class HappySocket implements AutoCloseable {

	static final List<String> SERVER_EVENTS = List.of("update", "ephemeral", "rpc-registered", "rpc-unregistered",
			"rpc-error", "rpc-request");

	private static final long WAIT_SECONDS = 20;

	private final Socket socket;

	private final CompletableFuture<@Nullable JsonNode> connect = new CompletableFuture<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final CopyOnWriteArrayList<String> disconnects = new CopyOnWriteArrayList<>();

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
		this.socket = IO.socket(URI.create(url), options);
		this.socket.on(Socket.EVENT_CONNECT, (args) -> this.connect.complete(null));
		this.socket.on(Socket.EVENT_CONNECT_ERROR, (args) -> this.connect.complete(json(args)));
		this.socket.on(Socket.EVENT_DISCONNECT, (args) -> this.disconnects.add(String.valueOf(args[0])));
		for (String event : SERVER_EVENTS) {
			this.socket.on(event, (args) -> this.received.add(new Received(event, json(args))));
		}
		this.socket.connect();
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
		return get(this.connect);
	}

	HappySocket connected() {
		JsonNode error = connectError();
		if (error != null) {
			throw new AssertionError("connect refused: " + error);
		}
		return this;
	}

	/**
	 * Emits an event and waits for its acknowledgement.
	 */
	JsonNode emit(String event, String payload) {
		return get(emitAsync(event, payload));
	}

	CompletableFuture<JsonNode> emitAsync(String event, @Nullable String payload) {
		CompletableFuture<JsonNode> ack = new CompletableFuture<>();
		Ack callback = (args) -> ack.complete(json(args));
		if (payload == null) {
			this.socket.emit(event, new Object[0], callback);
		}
		else {
			this.socket.emit(event, new Object[] { object(payload) }, callback);
		}
		return ack;
	}

	void emitWithoutAck(String event, String payload) {
		this.socket.emit(event, object(payload));
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
		this.socket.on("rpc-request", (args) -> {
			Object result = answer.apply(json(args));
			if (result != null && args.length > 1 && args[args.length - 1] instanceof Ack ack) {
				ack.call(result);
			}
		});
	}

	List<JsonNode> received(String event) {
		return this.received.stream().filter((received) -> received.event().equals(event)).map(Received::data).toList();
	}

	/**
	 * The bodies of the {@code update} events received.
	 */
	List<JsonNode> updates() {
		return received("update").stream().map((update) -> update.get("body")).toList();
	}

	JsonNode awaitReceived(String event, Predicate<JsonNode> predicate) {
		return await().atMost(WAIT_SECONDS, TimeUnit.SECONDS)
			.until(() -> received(event).stream().filter(predicate).findFirst().orElse(null), (data) -> data != null);
	}

	JsonNode awaitUpdate(String type) {
		return awaitReceived("update", (update) -> update.get("body").get("t").asString().equals(type)).get("body");
	}

	List<String> disconnects() {
		return List.copyOf(this.disconnects);
	}

	boolean isConnected() {
		return this.socket.connected();
	}

	@Override
	public void close() {
		this.socket.disconnect();
	}

	private static Object object(String payload) {
		try {
			return new JSONObject(payload);
		}
		catch (JSONException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	static JsonNode json(Object[] args) {
		if (args.length == 0 || args[0] == null) {
			return JsonNodeFactory.instance.nullNode();
		}
		if (args[0] instanceof JSONObject || args[0] instanceof JSONArray) {
			return Rest.json.readTree(args[0].toString());
		}
		return JsonNodeFactory.instance.stringNode(String.valueOf(args[0]));
	}

	static <T> T get(CompletableFuture<T> future) {
		try {
			return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A server-to-client event as it arrived.
	 */
	record Received(String event, JsonNode data) {

	}

}
