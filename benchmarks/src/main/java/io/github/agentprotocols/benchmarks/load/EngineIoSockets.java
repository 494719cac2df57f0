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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * Many Socket.IO sockets on the default namespace, each an Engine.IO v4 WebSocket of its
 * own (no long-polling, no upgrade), all on one small Netty event loop group: the client
 * side of the fan-out figures, where hundreds of official Java clients (an OkHttp reader
 * thread per socket, one event thread for all of them) would cost the 2 cores more than
 * the server under test. It speaks just enough of the protocol: the namespace connect,
 * pongs, events with an acknowledgement, and every {@code event} the server emits handed
 * to a listener with the time it was read.
 */
public final class EngineIoSockets implements AutoCloseable {

	private static final int MAX_FRAME = 16 * 1024 * 1024;

	private static final int CONNECTS_IN_FLIGHT = 50;

	private static final long WAIT_SECONDS = 60;

	private final EventLoopGroup group;

	private final List<Socket> sockets;

	private EngineIoSockets(EventLoopGroup group, List<Socket> sockets) {
		this.group = group;
		this.sockets = sockets;
	}

	/**
	 * Open sockets and connect each to the default namespace,
	 * {@value #CONNECTS_IN_FLIGHT} at a time.
	 * @param server the server's address and Engine.IO path, such as
	 * {@code ws://127.0.0.1:8080/socket.io/}
	 * @param count how many sockets
	 * @param threads the client's event loop threads
	 * @param events receives the packet of every {@code event} the server emits
	 * @return the connected sockets
	 */
	public static EngineIoSockets connect(URI server, int count, int threads, EventListener events) {
		URI uri = URI.create(server + "?EIO=4&transport=websocket");
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
		Bootstrap bootstrap = new Bootstrap().group(group)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true);
		List<Socket> sockets = new ArrayList<>();
		EngineIoSockets opened = new EngineIoSockets(group, sockets);
		try {
			for (int first = 0; first < count; first += CONNECTS_IN_FLIGHT) {
				List<CompletableFuture<Void>> batch = new ArrayList<>();
				for (int i = first; i < Math.min(count, first + CONNECTS_IN_FLIGHT); i++) {
					Socket socket = new Socket(events);
					sockets.add(socket);
					batch.add(socket.open(bootstrap, uri));
				}
				CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
			}
			return opened;
		}
		catch (Exception ex) {
			opened.close();
			throw new IllegalStateException("could not connect " + count + " sockets to " + server, ex);
		}
	}

	/**
	 * Emit an event from every socket and wait for every acknowledgement.
	 * @param event the event's name
	 * @param payload the payload, one JSON object
	 * @throws IllegalStateException if an acknowledgement carries an {@code error} or
	 * does not arrive in time
	 */
	public void emitFromEach(String event, String payload) {
		List<CompletableFuture<String>> acks = this.sockets.stream()
			.map((socket) -> socket.emit(event, payload))
			.toList();
		for (CompletableFuture<String> ack : acks) {
			String answer = ack.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
			if (answer.startsWith("[{\"error\"")) {
				throw new IllegalStateException(event + " refused: " + answer);
			}
		}
	}

	@Override
	public void close() {
		this.sockets.forEach(Socket::close);
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
	}

	/**
	 * Receives the {@code event} packets the server emits.
	 */
	@FunctionalInterface
	public interface EventListener {

		/**
		 * An {@code event} packet was read.
		 * @param packet the Socket.IO packet, {@code 42["event",…]}
		 * @param receivedNanos {@link System#nanoTime()} when its frame was read
		 */
		void received(String packet, long receivedNanos);

	}

	/**
	 * One Engine.IO session with its Socket.IO connect on the default namespace.
	 */
	private static final class Socket extends SimpleChannelInboundHandler<TextWebSocketFrame> {

		private static final String EVENT_PREFIX = "42[\"event\"";

		private final EventListener events;

		private final CompletableFuture<Void> connected = new CompletableFuture<>();

		private final Map<Integer, CompletableFuture<String>> acks = new ConcurrentHashMap<>();

		private final AtomicInteger ackIds = new AtomicInteger();

		private volatile Channel channel;

		Socket(EventListener events) {
			this.events = events;
		}

		CompletableFuture<Void> open(Bootstrap bootstrap, URI uri) {
			WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
				.webSocketUri(uri)
				.maxFramePayloadLength(MAX_FRAME)
				.build();
			bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_FRAME),
								new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME),
								Socket.this);
				}

			}).connect(uri.getHost(), uri.getPort()).addListener((future) -> {
				if (!future.isSuccess()) {
					this.connected.completeExceptionally(future.cause());
				}
			});
			return this.connected;
		}

		CompletableFuture<String> emit(String event, String payload) {
			CompletableFuture<String> ack = new CompletableFuture<>();
			int id = this.ackIds.incrementAndGet();
			this.acks.put(id, ack);
			this.channel.writeAndFlush(new TextWebSocketFrame("42" + id + "[\"" + event + "\"," + payload + "]"));
			return ack;
		}

		@Override
		public void channelActive(ChannelHandlerContext context) throws Exception {
			this.channel = context.channel();
			super.channelActive(context);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
			long now = System.nanoTime();
			String packet = frame.text();
			if (packet.startsWith(EVENT_PREFIX)) {
				this.events.received(packet, now);
			}
			else if (packet.startsWith("0")) {
				context.writeAndFlush(new TextWebSocketFrame("40"));
			}
			else if (packet.equals("2")) {
				context.writeAndFlush(new TextWebSocketFrame("3"));
			}
			else if (packet.startsWith("40")) {
				this.connected.complete(null);
			}
			else if (packet.startsWith("44")) {
				this.connected.completeExceptionally(new IllegalStateException("connect refused: " + packet));
			}
			else if (packet.startsWith("43")) {
				int arguments = packet.indexOf('[');
				CompletableFuture<String> ack = this.acks.remove(Integer.parseInt(packet.substring(2, arguments)));
				if (ack != null) {
					ack.complete(packet.substring(arguments));
				}
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) throws Exception {
			failPending(new IllegalStateException("socket closed"));
			super.channelInactive(context);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			failPending(cause);
			context.close();
		}

		private void failPending(Throwable cause) {
			this.connected.completeExceptionally(cause);
			this.acks.values().forEach((ack) -> ack.completeExceptionally(cause));
		}

		void close() {
			Channel channel = this.channel;
			if (channel != null) {
				channel.close();
			}
		}

	}

}
