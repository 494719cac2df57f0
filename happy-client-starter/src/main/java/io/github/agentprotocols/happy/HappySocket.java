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

package io.github.agentprotocols.happy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.wire.Ephemeral;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.github.agentprotocols.happy.wire.Update;
import io.github.agentprotocols.happy.wire.UpdateEnvelope;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import okhttp3.OkHttpClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.ssl.SslBundle;

/**
 * The client's one user-scoped Socket.IO connection to the Happy server (spec §5.1): path
 * {@code /v1/updates}, WebSocket transport only, the token and client type in the
 * {@code auth} payload, the client id in {@code X-Happy-Client}. It connects on the first
 * {@link #connect()}, reconnects by itself with 1–5 s delays, and also after the server
 * disconnected it.
 * <p>
 * The server replays nothing after a reconnect (spec §5.5): {@link #reconnects()} tells
 * the client when to re-sync over REST. An emit waiting for its acknowledgement when the
 * connection drops fails with {@link HappyConnectionException}, since its result is
 * unknown. A packet over the server's 1,000,000-byte limit is refused before it is sent;
 * the ping interval and timeout (15 s / 45 s) are the server's, from its handshake.
 * <p>
 * Internal: not API, may change in any release (public for the benchmarks).
 */
@Internal
public class HappySocket implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(HappySocket.class);

	private static final String SERVER_DISCONNECT = "io server disconnect";

	/**
	 * The largest packet the server accepts (spec §5.1, §11); a larger one kills the
	 * connection.
	 */
	static final int MAX_PACKET_BYTES = 1_000_000;

	/** Room for the packet type and the ack id around the event and its payload. */
	private static final int PACKET_FRAMING_BYTES = 16;

	private final URI serverUrl;

	private final Mono<String> token;

	private final String clientId;

	private final Duration connectTimeout;

	private final SocketListener listener;

	private final @Nullable SslBundle sslBundle;

	private final Sinks.Many<State> states = Sinks.many().replay().latest();

	private final Sinks.Many<Update> updates = Sinks.many().multicast().directBestEffort();

	private final Sinks.Many<Ephemeral> ephemerals = Sinks.many().multicast().directBestEffort();

	private final Sinks.Many<Long> reconnects = Sinks.many().multicast().directBestEffort();

	private final Set<MonoSink<String>> pendingAcks = ConcurrentHashMap.newKeySet();

	private @Nullable OkHttpClient http;

	private @Nullable Socket socket;

	private boolean everConnected;

	private long reconnectCount;

	private boolean closed;

	/**
	 * Create a socket; nothing connects until {@link #connect()}.
	 * @param serverUrl the server's base URL
	 * @param token the bearer token
	 * @param clientId the client id sent in {@code auth.happyClient} and
	 * {@code X-Happy-Client}
	 * @param connectTimeout how long a connect may take
	 * @param listener told of reconnects and drops
	 */
	public HappySocket(URI serverUrl, Mono<String> token, String clientId, Duration connectTimeout,
			SocketListener listener) {
		this(serverUrl, token, clientId, connectTimeout, listener, null);
	}

	/**
	 * Create a socket whose TLS is an SSL bundle's; nothing connects until
	 * {@link #connect()}.
	 * @param serverUrl the server's base URL
	 * @param token the bearer token
	 * @param clientId the client id sent in {@code auth.happyClient} and
	 * {@code X-Happy-Client}
	 * @param connectTimeout how long a connect may take
	 * @param listener told of reconnects and drops
	 * @param sslBundle the key and trust material of an {@code https} server URL, or
	 * {@code null} for the JDK's trust store
	 */
	public HappySocket(URI serverUrl, Mono<String> token, String clientId, Duration connectTimeout,
			SocketListener listener, @Nullable SslBundle sslBundle) {
		this.serverUrl = serverUrl;
		this.token = token;
		this.clientId = clientId;
		this.connectTimeout = connectTimeout;
		this.listener = listener;
		this.sslBundle = sslBundle;
	}

	/**
	 * Connect, or wait for the connection already under way.
	 * @return completes once connected; a {@link HappyAuthenticationException} when the
	 * server refuses the token, a {@link HappyConnectionException} when it cannot be
	 * reached within the connect timeout
	 */
	public Mono<Void> connect() {
		return this.token.flatMap((token) -> {
			Socket socket = open(token);
			if (socket.connected()) {
				return Mono.<Void>empty();
			}
			return this.states.asFlux()
				.filter((state) -> state.connected() || state.failure() != null)
				.next()
				.flatMap((state) -> (state.failure() != null) ? Mono.<Void>error(state.failure()) : Mono.<Void>empty())
				.timeout(this.connectTimeout, Mono.error(() -> notConnected(socket)));
		});
	}

	/**
	 * Whether the socket is connected now.
	 * @return true while connected
	 */
	public synchronized boolean isConnected() {
		return this.socket != null && this.socket.connected();
	}

	/**
	 * The persistent updates the server sends (spec §5.3), while someone listens.
	 * @return the updates, delivered on the socket's event thread
	 */
	public Flux<Update> updates() {
		return this.updates.asFlux();
	}

	/**
	 * The ephemeral events the server sends (spec §5.3), while someone listens.
	 * @return the ephemerals, delivered on the socket's event thread
	 */
	public Flux<Ephemeral> ephemerals() {
		return this.ephemerals.asFlux();
	}

	/**
	 * Signals each connect after a drop: the moment to re-sync over REST.
	 * @return the count of reconnects so far, at each reconnect
	 */
	public Flux<Long> reconnects() {
		return this.reconnects.asFlux();
	}

	/**
	 * Emit an event and wait for its acknowledgement.
	 * @param event the event
	 * @param payload the payload, written as a JSON object
	 * @param timeout how long to wait for the acknowledgement
	 * @param onTimeout the exception for a missing acknowledgement
	 * @return the acknowledgement as JSON; a {@link HappyConnectionException} when the
	 * socket drops before it arrives
	 */
	public Mono<String> emitWithAck(String event, Object payload, Duration timeout,
			Supplier<? extends HappyException> onTimeout) {
		return packet(event, payload).flatMap((json) -> connect().then(Mono.<String>create((sink) -> {
			Socket socket = currentSocket();
			if (socket == null || !socket.connected()) {
				sink.error(new HappyConnectionException("Not connected to the Happy server; '" + event + "' not sent"));
				return;
			}
			this.pendingAcks.add(sink);
			sink.onDispose(() -> this.pendingAcks.remove(sink));
			socket.emit(event, new Object[] { json }, (args) -> sink.success(ackJson(args)));
		}))).timeout(timeout, Mono.error(onTimeout));
	}

	/**
	 * Emit an event that has no acknowledgement.
	 * @param event the event
	 * @param payload the payload, written as a JSON object
	 * @return completes once handed to the connection
	 */
	public Mono<Void> emit(String event, Object payload) {
		return packet(event, payload).flatMap((json) -> connect().then(Mono.fromRunnable(() -> {
			Socket socket = currentSocket();
			if (socket == null) {
				throw new HappyConnectionException("Not connected to the Happy server; '" + event + "' not sent");
			}
			socket.emit(event, json);
		})));
	}

	/**
	 * The payload as JSON, refused when its packet would exceed the server's limit: the
	 * server would answer it by dropping the connection, failing every other call in
	 * flight on it.
	 */
	private static Mono<JSONObject> packet(String event, Object payload) {
		return Mono.fromCallable(() -> {
			JSONObject json = toJson(payload);
			int bytes = JSONObject.quote(event).getBytes(StandardCharsets.UTF_8).length
					+ json.toString().getBytes(StandardCharsets.UTF_8).length + PACKET_FRAMING_BYTES;
			if (bytes > MAX_PACKET_BYTES) {
				throw new HappyException("'" + event + "' is " + bytes + " bytes, over the Happy server's limit of "
						+ MAX_PACKET_BYTES + " bytes per socket packet; not sent");
			}
			return json;
		});
	}

	/**
	 * Disconnect for good and release the connection's threads.
	 */
	@Override
	public void close() {
		Socket socket;
		OkHttpClient http;
		synchronized (this) {
			this.closed = true;
			socket = this.socket;
			this.socket = null;
			http = this.http;
		}
		if (socket != null) {
			socket.off();
			socket.io().off();
			socket.close();
		}
		failPending("The Happy client was closed");
		if (http != null) {
			http.dispatcher().executorService().shutdown();
			http.connectionPool().evictAll();
		}
	}

	private synchronized @Nullable Socket currentSocket() {
		return this.socket;
	}

	private synchronized Socket open(String token) {
		if (this.closed) {
			throw new HappyConnectionException("The Happy client was closed");
		}
		if (this.socket != null) {
			if (!this.socket.connected() && !this.socket.io().isReconnecting()) {
				this.socket.connect();
			}
			return this.socket;
		}
		IO.Options options = IO.Options.builder()
			.setForceNew(true)
			.setPath("/v1/updates")
			.setTransports(new String[] { WebSocket.NAME })
			.setReconnection(true)
			.setReconnectionDelay(1000)
			.setReconnectionDelayMax(5000)
			.setTimeout(this.connectTimeout.toMillis())
			.setAuth(Map.of("token", token, "clientType", "user-scoped", "happyClient", this.clientId))
			.setExtraHeaders(Map.of("X-Happy-Client", List.of(this.clientId)))
			.build();
		OkHttpClient http = httpClient();
		options.callFactory = http;
		options.webSocketFactory = http;
		Socket socket = IO.socket(this.serverUrl, options);
		this.socket = socket;
		socket.on(Socket.EVENT_CONNECT, (args) -> onConnect());
		socket.on(Socket.EVENT_CONNECT_ERROR, (args) -> onConnectError(socket, args));
		socket.on(Socket.EVENT_DISCONNECT, (args) -> onDisconnect(socket, args));
		socket.on("update", (args) -> onUpdate(args));
		socket.on("ephemeral", (args) -> onEphemeral(args));
		emit(this.states, State.CONNECTING);
		socket.connect();
		return socket;
	}

	// Made on first connect: building one loads the JDK's trust store.
	private synchronized OkHttpClient httpClient() {
		if (this.http == null) {
			OkHttpClient.Builder http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS);
			if (this.sslBundle != null) {
				SocketTls.apply(http, this.sslBundle);
			}
			this.http = http.build();
		}
		return this.http;
	}

	private void onConnect() {
		boolean reconnect;
		long count;
		synchronized (this) {
			reconnect = this.everConnected;
			this.everConnected = true;
			count = reconnect ? ++this.reconnectCount : 0;
		}
		emit(this.states, State.CONNECTED);
		if (reconnect) {
			logger.debug("Reconnected to the Happy server at " + this.serverUrl);
			this.listener.reconnected();
			emit(this.reconnects, count);
		}
	}

	private void onConnectError(Socket socket, Object[] args) {
		String message = errorMessage(args);
		boolean authentication = message.contains("authentication token");
		boolean initial;
		synchronized (this) {
			initial = !this.everConnected;
			if ((initial || authentication) && this.socket == socket) {
				this.socket = null;
			}
		}
		if (!initial && !authentication) {
			logger.debug("Reconnecting to the Happy server failed: " + message);
			return;
		}
		socket.off();
		socket.io().off();
		socket.close();
		HappyException failure = authentication
				? new HappyAuthenticationException("The Happy server refused the socket: " + message)
				: new HappyConnectionException(
						"Could not connect to the Happy server at " + this.serverUrl + ": " + message);
		emit(this.states, State.failed(failure));
	}

	private void onDisconnect(Socket socket, Object[] args) {
		String reason = (args.length > 0) ? String.valueOf(args[0]) : "unknown";
		logger.debug("Disconnected from the Happy server: " + reason);
		emit(this.states, State.DISCONNECTED);
		this.listener.disconnected(reason);
		failPending("The connection to the Happy server dropped (" + reason + ") before the answer arrived");
		if (SERVER_DISCONNECT.equals(reason)) {
			Schedulers.parallel().schedule(() -> reopen(socket), 1, TimeUnit.SECONDS);
		}
	}

	private void reopen(Socket socket) {
		synchronized (this) {
			if (this.closed || this.socket != socket || socket.connected()) {
				return;
			}
		}
		socket.connect();
	}

	private void failPending(String message) {
		for (MonoSink<String> sink : List.copyOf(this.pendingAcks)) {
			sink.error(new HappyConnectionException(message));
		}
	}

	private void onUpdate(Object[] args) {
		try {
			UpdateEnvelope envelope = HappyJson.read(ackJson(args), UpdateEnvelope.class);
			emit(this.updates, envelope.body());
		}
		catch (HappyException ex) {
			logger.debug("Ignored a malformed update: " + ex.getMessage());
		}
	}

	private void onEphemeral(Object[] args) {
		try {
			emit(this.ephemerals, HappyJson.read(ackJson(args), Ephemeral.class));
		}
		catch (HappyException ex) {
			logger.debug("Ignored a malformed ephemeral: " + ex.getMessage());
		}
	}

	private HappyException notConnected(Socket socket) {
		synchronized (this) {
			if (!this.everConnected && this.socket == socket) {
				this.socket = null;
				socket.off();
				socket.io().off();
				socket.close();
			}
		}
		return new HappyConnectionException(
				"Could not connect to the Happy server at " + this.serverUrl + " within " + this.connectTimeout);
	}

	private static <T> void emit(Sinks.Many<T> sink, T value) {
		sink.emitNext(value, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
	}

	private static JSONObject toJson(Object payload) {
		try {
			return new JSONObject(HappyJson.write(payload));
		}
		catch (JSONException ex) {
			throw new IllegalStateException("Cannot convert " + payload.getClass().getSimpleName(), ex);
		}
	}

	private static String ackJson(Object[] args) {
		if (args.length == 0 || args[0] == null) {
			return "null";
		}
		Object value = args[0];
		if (value instanceof JSONObject || value instanceof JSONArray) {
			return value.toString();
		}
		if (value instanceof String text) {
			return JSONObject.quote(text);
		}
		return String.valueOf(value);
	}

	private static String errorMessage(Object[] args) {
		if (args.length == 0 || args[0] == null) {
			return "unknown error";
		}
		if (args[0] instanceof JSONObject json) {
			return json.optString("message", json.toString());
		}
		if (args[0] instanceof Throwable ex) {
			return String.valueOf(ex.getMessage());
		}
		return String.valueOf(args[0]);
	}

	/**
	 * A connection state.
	 *
	 * @param connected whether connected
	 * @param failure why connecting failed for good, or {@code null}
	 */
	private record State(boolean connected, @Nullable HappyException failure) {

		static final State CONNECTING = new State(false, null);

		static final State CONNECTED = new State(true, null);

		static final State DISCONNECTED = new State(false, null);

		static State failed(HappyException failure) {
			return new State(false, failure);
		}

	}

}
