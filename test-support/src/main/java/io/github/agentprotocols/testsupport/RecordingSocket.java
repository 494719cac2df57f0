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

package io.github.agentprotocols.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A socket of the official Java {@code io.socket:socket.io-client}, the peer that the
 * Socket.IO tests use: it records the server-to-client events it is told to, in the order
 * they arrived, and waits for acknowledgements and events with a deadline, woken by their
 * arrival. The protocols' test sockets wrap it with their own events and helpers.
 */
public final class RecordingSocket implements AutoCloseable {

	private final Socket socket;

	private final Duration wait;

	private final Function<String, JsonNode> parser;

	private final CompletableFuture<@Nullable JsonNode> connect = new CompletableFuture<>();

	private final List<Received> received = new ArrayList<>();

	private final List<String> disconnects = new ArrayList<>();

	private RecordingSocket(URI url, IO.Options options, Collection<String> serverEvents, Duration wait,
			Function<String, JsonNode> parser) {
		this.wait = wait;
		this.parser = parser;
		this.socket = IO.socket(url, options);
		this.socket.on(Socket.EVENT_CONNECT, (args) -> this.connect.complete(null));
		this.socket.on(Socket.EVENT_CONNECT_ERROR, (args) -> this.connect.complete(json(args)));
		this.socket.on(Socket.EVENT_DISCONNECT, (args) -> record(this.disconnects, String.valueOf(args[0])));
		for (String event : serverEvents) {
			this.socket.on(event, (args) -> record(this.received, new Received(event, json(args))));
		}
	}

	/**
	 * Open a socket and start connecting.
	 * @param url the server's URL, or a namespace's
	 * @param options the client's options
	 * @param serverEvents the server-to-client events to record
	 * @param wait how long any wait of this socket lasts at most
	 * @param parser reads JSON text as the protocol does
	 * @return the socket, connecting
	 */
	public static RecordingSocket connect(String url, IO.Options options, Collection<String> serverEvents,
			Duration wait, Function<String, JsonNode> parser) {
		RecordingSocket socket = new RecordingSocket(URI.create(url), options, serverEvents, wait, parser);
		socket.socket.connect();
		return socket;
	}

	/**
	 * An HTTP client for the Java client's options ({@code callFactory},
	 * {@code webSocketFactory}) that never queues a request behind another: the client's
	 * default one runs at most five requests to a host at once for all its sockets, and a
	 * long-polling socket always holds one.
	 * @return a new client
	 */
	public static OkHttpClient unqueuedHttpClient() {
		Dispatcher dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(Integer.MAX_VALUE);
		dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
		return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(Duration.ofMinutes(1)).build();
	}

	/**
	 * Wait for the connect's outcome.
	 * @return the CONNECT_ERROR data, or {@code null} once connected
	 */
	public @Nullable JsonNode connectError() {
		return await(this.connect);
	}

	/**
	 * Wait until connected.
	 * @throws AssertionError if the server refused the connect
	 */
	public void awaitConnected() {
		JsonNode error = connectError();
		if (error != null) {
			throw new AssertionError("connect refused: " + error);
		}
	}

	/**
	 * Emit an event with an acknowledgement callback.
	 * @param event the event
	 * @param args its arguments: JSON text of an object is sent as an object, any other
	 * value as it is
	 * @return the acknowledgement's first argument, when it comes
	 */
	public CompletableFuture<JsonNode> emitAsync(String event, Object... args) {
		CompletableFuture<JsonNode> ack = new CompletableFuture<>();
		Ack callback = (ackArgs) -> ack.complete(json(ackArgs));
		this.socket.emit(event, arguments(args), callback);
		return ack;
	}

	/**
	 * Emit an event and wait for its acknowledgement.
	 * @param event the event
	 * @param args its arguments, as {@link #emitAsync} sends them
	 * @return the acknowledgement's first argument
	 */
	public JsonNode emit(String event, Object... args) {
		return await(emitAsync(event, args));
	}

	/**
	 * Emit an event without an acknowledgement callback.
	 * @param event the event
	 * @param args its arguments, as {@link #emitAsync} sends them
	 */
	public void emitWithoutAck(String event, Object... args) {
		this.socket.emit(event, arguments(args));
	}

	/**
	 * Handle a server-to-client event with a callback of its own (for example one that
	 * acknowledges it).
	 * @param event the event
	 * @param listener called with the event's arguments, the acknowledgement last if the
	 * server asked for one
	 */
	public void on(String event, Function<Object[], @Nullable Object> listener) {
		this.socket.on(event, (args) -> {
			Object result = listener.apply(args);
			if (result != null && args.length > 1 && args[args.length - 1] instanceof Ack ack) {
				ack.call(result);
			}
		});
	}

	/**
	 * Return the recorded events.
	 * @return every recorded event so far, in the order of arrival
	 */
	public List<Received> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	/**
	 * Return the recorded events of one name.
	 * @param event the event
	 * @return their first arguments, in the order of arrival
	 */
	public List<JsonNode> received(String event) {
		return received().stream().filter((received) -> received.event().equals(event)).map(Received::data).toList();
	}

	/**
	 * Wait until an event matching the predicate has arrived.
	 * @param event the event
	 * @param predicate what its first argument must match
	 * @return the first matching argument
	 * @throws AssertionError if none arrived in time
	 */
	public JsonNode awaitReceived(String event, Predicate<JsonNode> predicate) {
		long deadline = System.nanoTime() + this.wait.toNanos();
		synchronized (this.received) {
			while (true) {
				for (Received received : this.received) {
					if (received.event().equals(event) && predicate.test(received.data())) {
						return received.data();
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError(
							"no matching '" + event + "' within " + this.wait + "; received " + this.received);
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.received, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	/**
	 * Return the reasons of the disconnects seen so far.
	 * @return the reasons, in order
	 */
	public List<String> disconnects() {
		synchronized (this.disconnects) {
			return List.copyOf(this.disconnects);
		}
	}

	/**
	 * Return whether the socket is connected now.
	 * @return whether it is connected
	 */
	public boolean isConnected() {
		return this.socket.connected();
	}

	/**
	 * Wait for a future of this socket.
	 * @param <T> the future's type
	 * @param future the future
	 * @return its value
	 * @throws IllegalStateException if it failed or did not complete in time (saying
	 * whether the socket is still connected)
	 */
	public <T> T await(CompletableFuture<T> future) {
		try {
			return future.get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("nothing within " + this.wait + "; the socket is "
					+ (isConnected() ? "connected" : "disconnected") + ", disconnects " + disconnects(), ex);
		}
	}

	/**
	 * Read the first argument of an event or acknowledgement as JSON.
	 * @param args the arguments as the client gives them
	 * @return the first one as a tree; JSON {@code null} when there is none
	 */
	public JsonNode json(Object[] args) {
		if (args.length == 0 || args[0] == null) {
			return JsonNodeFactory.instance.nullNode();
		}
		if (args[0] instanceof JSONObject || args[0] instanceof JSONArray) {
			return this.parser.apply(args[0].toString());
		}
		return JsonNodeFactory.instance.stringNode(String.valueOf(args[0]));
	}

	@Override
	public void close() {
		this.socket.disconnect();
	}

	private static <E> void record(List<E> list, E element) {
		synchronized (list) {
			list.add(element);
			list.notifyAll();
		}
	}

	private static Object[] arguments(Object[] args) {
		Object[] converted = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			converted[i] = (args[i] instanceof String text && text.startsWith("{")) ? object(text) : args[i];
		}
		return converted;
	}

	private static JSONObject object(String text) {
		try {
			return new JSONObject(text);
		}
		catch (JSONException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/**
	 * A server-to-client event as it arrived.
	 *
	 * @param event its name
	 * @param data its first argument
	 */
	public record Received(String event, JsonNode data) {

	}

}
