package io.github.agentprotocols.acp.socketio;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.github.agentprotocols.acp.wire.AcpJson;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.client.SocketOptionBuilder;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.awaitility.Awaitility.await;

/**
 * A socket of the Java {@code io.socket:socket.io-client} (2.1.2) on one transport,
 * recording every server-to-client event of spec §5.6 in the order it arrived.
 */
public final class TestSocket implements AutoCloseable {

	static final List<String> SERVER_EVENTS = List.of("event", "thread:updated", "members:updated", "run:updated",
			"thread:removed");

	private static final long WAIT_SECONDS = 30;

	/**
	 * The HTTP client of every test socket. The Java client's default one lets at most
	 * five requests to a host run at once, for all its sockets together; a long-polling
	 * socket always holds one, so with five polling sockets open a sixth request waits
	 * for a server ping to free a slot (up to 25 s). Each test socket stands for a client
	 * of its own, so none may wait for another's.
	 */
	private static final OkHttpClient HTTP = httpClient();

	private final Socket socket;

	private final CompletableFuture<@Nullable JsonNode> connect = new CompletableFuture<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

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
		this.socket = IO.socket(URI.create(url), built);
		this.socket.on(Socket.EVENT_CONNECT, (args) -> this.connect.complete(null));
		this.socket.on(Socket.EVENT_CONNECT_ERROR, (args) -> this.connect.complete(json(args)));
		for (String event : SERVER_EVENTS) {
			this.socket.on(event, (args) -> this.received.add(new Received(event, json(args))));
		}
		this.socket.connect();
	}

	private static OkHttpClient httpClient() {
		Dispatcher dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(Integer.MAX_VALUE);
		dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
		return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(Duration.ofMinutes(1)).build();
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
	@Nullable JsonNode connectError() {
		return get(this.connect);
	}

	public TestSocket connected() {
		JsonNode error = connectError();
		if (error != null) {
			throw new AssertionError("connect refused: " + error);
		}
		return this;
	}

	/**
	 * Emits an event and waits for its acknowledgement.
	 * @param event the event
	 * @param payload the payload: JSON text of an object, or any other value as is
	 * @return the acknowledgement's argument
	 */
	public JsonNode emit(String event, Object payload) {
		CompletableFuture<JsonNode> ack = new CompletableFuture<>();
		this.socket.emit(event, new Object[] { argument(payload) }, (args) -> ack.complete(json(args)));
		return get(ack);
	}

	void emitWithoutAck(String event, Object payload) {
		this.socket.emit(event, argument(payload));
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	public List<JsonNode> received(String event) {
		return this.received.stream().filter((received) -> received.event().equals(event)).map(Received::data).toList();
	}

	/**
	 * Waits until an event matching the predicate has arrived.
	 */
	public JsonNode awaitReceived(String event, Predicate<JsonNode> predicate) {
		return await().atMost(WAIT_SECONDS, TimeUnit.SECONDS)
			.until(() -> received(event).stream().filter(predicate).findFirst().orElse(null), (data) -> data != null);
	}

	/**
	 * Makes sure that everything the server sent this socket before now has arrived: an
	 * acknowledgement comes after what was queued for the socket before it.
	 */
	public void sync() {
		emit("thread:leave", "{\"thread_id\":\"sync\"}");
	}

	boolean isConnected() {
		return this.socket.connected();
	}

	@Override
	public void close() {
		this.socket.disconnect();
	}

	private static Object argument(Object payload) {
		if (payload instanceof String text && text.startsWith("{")) {
			try {
				return new JSONObject(text);
			}
			catch (JSONException ex) {
				throw new IllegalArgumentException(ex);
			}
		}
		return payload;
	}

	private static JsonNode json(Object[] args) {
		if (args.length == 0 || args[0] == null) {
			return JsonNodeFactory.instance.nullNode();
		}
		if (args[0] instanceof JSONObject || args[0] instanceof JSONArray) {
			return AcpJson.parse(args[0].toString());
		}
		return JsonNodeFactory.instance.stringNode(String.valueOf(args[0]));
	}

	private static <T> T get(CompletableFuture<T> future) {
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
