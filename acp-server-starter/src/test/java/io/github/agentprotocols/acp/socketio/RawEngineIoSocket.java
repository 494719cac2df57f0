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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionDecoder;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * An Engine.IO v4 WebSocket that sends and receives raw Socket.IO packets, for what a
 * well-behaved client never does: emitting events on a namespace it was refused, or never
 * connected to. Reactor Netty's client, which hands over every frame before the end of
 * the connection: the JDK's WebSocket client can lose the last message of a connection
 * that ends right after it (its end overrides a message not yet delivered to the
 * listener), which made a DISCONNECT look lost under load.
 */
final class RawEngineIoSocket implements AutoCloseable {

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private final CompletableFuture<@Nullable WebSocketCloseStatus> closed = new CompletableFuture<>();

	private final Disposable session;

	private final Connection connection;

	private RawEngineIoSocket(int port, boolean compress) {
		CompletableFuture<Connection> opened = new CompletableFuture<>();
		this.session = HttpClient.create()
			.websocket(WebsocketClientSpec.builder().compress(compress).build())
			.uri("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket")
			.handle((in, out) -> {
				in.withConnection(opened::complete);
				in.receiveCloseStatus()
					.subscribe(this.closed::complete, this.closed::completeExceptionally,
							() -> this.closed.complete(null));
				Mono<Void> receiving = in.aggregateFrames()
					.receiveFrames()
					.ofType(TextWebSocketFrame.class)
					.doOnNext((frame) -> this.frames.add(frame.text()))
					.then();
				return out.sendString(this.outgoing.asFlux()).then().and(receiving);
			})
			.subscribe(null, opened::completeExceptionally);
		this.connection = opened.orTimeout(10, TimeUnit.SECONDS).join();
	}

	/**
	 * Opens a session and reads its OPEN packet.
	 * @param port the application's port
	 * @return the socket
	 */
	static RawEngineIoSocket open(int port) {
		return open(port, false);
	}

	/**
	 * Opens a session and reads its OPEN packet.
	 * @param port the application's port
	 * @param compress whether to offer the permessage-deflate extension
	 * @return the socket
	 */
	static RawEngineIoSocket open(int port, boolean compress) {
		RawEngineIoSocket socket = new RawEngineIoSocket(port, compress);
		String open = socket.next();
		if (!open.startsWith("0{")) {
			throw new AssertionError("not an Engine.IO OPEN packet: " + open);
		}
		return socket;
	}

	/**
	 * Whether the connection's frames are compressed (the server accepted the
	 * permessage-deflate extension).
	 * @return {@code true} if they are
	 */
	boolean isCompressed() {
		return this.connection.channel().pipeline().get(WebSocketExtensionDecoder.class) != null;
	}

	void send(String packet) {
		this.outgoing.emitNext(packet, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	/**
	 * The next packet from the server other than a ping.
	 * @return the packet
	 */
	String next() {
		try {
			String frame;
			do {
				frame = this.frames.poll(30, TimeUnit.SECONDS);
				if (frame == null) {
					throw new AssertionError("no packet from the server");
				}
			}
			while (frame.equals("2"));
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The end of the connection.
	 * @return completes with the close status the server sent, or {@code null} when its
	 * connection ended without a close frame
	 */
	CompletableFuture<@Nullable WebSocketCloseStatus> closed() {
		return this.closed;
	}

	/**
	 * Ends the connection abruptly, without a close frame, as a client that vanishes.
	 */
	@Override
	public void close() {
		this.connection.channel().close();
		this.session.dispose();
	}

}
