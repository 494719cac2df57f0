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

package io.github.agentprotocols.benchmarks.acp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * Socket.IO clients of a reconnect storm, each an Engine.IO v4 session on WebSocket or on
 * long-polling with a namespace CONNECT carrying an auth object, all on one small Netty
 * event loop group. A client whose connection ends waits until the driver
 * {@linkplain #release(Duration) releases} the reconnections (the new server is up), then
 * reconnects after a random delay up to the jitter; a failed attempt (503, a refused or
 * reset connection, no connect acknowledgement within {@value #ATTEMPT_TIMEOUT_SECONDS}
 * s) is retried as the official client retries: after {@code min(1 s × 2^failures, 5 s)},
 * randomized by ±50 %.
 * <p>
 * Each 503 {@code Too many pending connections} is judged: the server refuses a handshake
 * while its pending sessions and handshakes, this one included, exceed its limit; what
 * the clients count as outstanding (handshakes sent without an answer and sessions opened
 * without their connect acknowledged) is never less than that, so a 503 is
 * <em>unearned</em> when the clients' outstanding count never exceeded the limit between
 * the refused handshake's send and its answer.
 */
final class StormClients implements AutoCloseable {

	static final int ATTEMPT_TIMEOUT_SECONDS = 20;

	private static final String AUTH = "{\"token\":\"storm\"}";

	private static final String PATH = "/socket.io/?EIO=4&transport=";

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	private static final char SEPARATOR = '\u001e';

	private static final int MAX_CONTENT = 1024 * 1024;

	private static final long BASE_DELAY_MILLIS = 1_000;

	private static final long MAX_DELAY_MILLIS = 5_000;

	private static final int TRACKED_SECONDS = 30 * 60;

	private final Transport transport;

	private final int port;

	private final int limit;

	private final EventLoopGroup group;

	private final Bootstrap bootstrap;

	private final List<Client> clients = new ArrayList<>();

	private final long origin = System.nanoTime();

	private final AtomicInteger outstanding = new AtomicInteger();

	/** The greatest outstanding count of each millisecond since the origin. */
	private final AtomicIntegerArray peaks = new AtomicIntegerArray(TRACKED_SECONDS * 1_000);

	private final AtomicInteger connected = new AtomicInteger();

	private final AtomicInteger refusals = new AtomicInteger();

	private final AtomicInteger unearnedRefusals = new AtomicInteger();

	private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

	private volatile CompletableFuture<Duration> release = CompletableFuture.completedFuture(Duration.ZERO);

	private volatile long lastConnectNanos;

	private volatile boolean closing;

	/**
	 * Create the clients, none connected yet.
	 * @param transport their transport
	 * @param port the server's port on the loopback address
	 * @param count how many
	 * @param limit the server's {@code acp.socketio.max-pending-connections}
	 */
	StormClients(Transport transport, int port, int count, int limit) {
		this.transport = transport;
		this.port = port;
		this.limit = limit;
		this.group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
		this.bootstrap = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, ATTEMPT_TIMEOUT_SECONDS * 1_000);
		for (int i = 0; i < count; i++) {
			this.clients.add(new Client());
		}
	}

	/**
	 * Connect every client, a few at a time, each batch once the previous one has
	 * connected: clients at their own pace.
	 * @param inFlight clients connecting at once
	 * @param timeout the longest wait for a batch
	 * @throws IllegalStateException if a batch does not connect in time
	 */
	void connectAtOwnPace(int inFlight, Duration timeout) throws InterruptedException {
		for (int first = 0; first < this.clients.size(); first += inFlight) {
			int last = Math.min(this.clients.size(), first + inFlight);
			this.clients.subList(first, last).forEach(Client::connect);
			if (!await(() -> this.connected.get() >= last, timeout)) {
				throw new IllegalStateException(
						"only " + this.connected.get() + " of " + last + " clients connected in " + timeout);
			}
		}
	}

	/**
	 * Hold the reconnections of the clients whose connection ends from now on, until
	 * {@link #release(Duration)}.
	 */
	void holdReconnections() {
		this.release = new CompletableFuture<>();
	}

	/**
	 * Let every held client reconnect, each after a random delay up to the jitter.
	 * @param jitter the longest delay, zero for all at once
	 */
	void release(Duration jitter) {
		this.release.complete(jitter);
	}

	/**
	 * Wait until a condition holds.
	 * @param condition the condition
	 * @param timeout the longest wait
	 * @return whether it holds
	 */
	static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	int connected() {
		return this.connected.get();
	}

	int refusals() {
		return this.refusals.get();
	}

	int unearnedRefusals() {
		return this.unearnedRefusals.get();
	}

	/**
	 * The errors other than 503, by kind.
	 * @return how many of each kind
	 */
	Map<String, Integer> errors() {
		Map<String, Integer> errors = new TreeMap<>();
		this.errors.forEach((kind, count) -> errors.put(kind, count.get()));
		return errors;
	}

	/**
	 * The greatest number of outstanding handshakes and pending sessions seen.
	 * @return the peak
	 */
	int peakOutstanding() {
		int peak = 0;
		for (int i = 0; i < this.peaks.length(); i++) {
			peak = Math.max(peak, this.peaks.get(i));
		}
		return peak;
	}

	/**
	 * When the last client connected.
	 * @return its {@link System#nanoTime()}
	 */
	long lastConnectNanos() {
		return this.lastConnectNanos;
	}

	/**
	 * Close every client as an application closing its sockets does: a WebSocket with a
	 * close frame, a long-polling session with an Engine.IO close packet.
	 */
	@Override
	public void close() {
		this.closing = true;
		this.clients.forEach(Client::close);
		this.group.shutdownGracefully(1, 10, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private int millis() {
		return (int) Math.min(this.peaks.length() - 1, (System.nanoTime() - this.origin) / 1_000_000);
	}

	private void outstanding(int delta) {
		int now = this.outstanding.addAndGet(delta);
		this.peaks.accumulateAndGet(millis(), now, Math::max);
	}

	private int peakSince(int sentMillis) {
		int peak = 0;
		for (int i = sentMillis; i <= millis(); i++) {
			peak = Math.max(peak, this.peaks.get(i));
		}
		return peak;
	}

	private void error(String kind) {
		this.errors.computeIfAbsent(kind, (key) -> new AtomicInteger()).incrementAndGet();
	}

	private static String kind(Throwable cause) {
		String message = String.valueOf(cause.getMessage());
		return cause.getClass().getSimpleName() + ((message.length() > 60) ? "" : ": " + message);
	}

	/**
	 * The transports of a storm's clients.
	 */
	enum Transport {

		/** Engine.IO over a WebSocket from the first request, without an upgrade. */
		WEBSOCKET,

		/** Engine.IO over HTTP long-polling, without an upgrade. */
		POLLING

	}

	/**
	 * One client: its attempts, one at a time, and whether one of them is connected.
	 */
	private final class Client {

		private int failures;

		private Attempt current;

		private boolean connected;

		synchronized void connect() {
			if (StormClients.this.closing) {
				return;
			}
			this.current = (StormClients.this.transport == Transport.WEBSOCKET) ? new WebSocketAttempt(this)
					: new PollingAttempt(this);
			this.current.start();
		}

		synchronized void connected(Attempt attempt) {
			if (attempt != this.current || this.connected) {
				return;
			}
			attempt.settle();
			this.connected = true;
			this.failures = 0;
			StormClients.this.lastConnectNanos = System.nanoTime();
			StormClients.this.connected.incrementAndGet();
		}

		/**
		 * An attempt failed before its connect was acknowledged.
		 */
		synchronized void failed(Attempt attempt, boolean refused, String kind) {
			if (attempt != this.current || this.connected || !attempt.end()) {
				return;
			}
			attempt.settle();
			if (refused) {
				StormClients.this.refusals.incrementAndGet();
				if (peakSince(attempt.sentMillis) <= StormClients.this.limit) {
					StormClients.this.unearnedRefusals.incrementAndGet();
				}
			}
			else if (!StormClients.this.closing) {
				error(kind);
			}
			long delay = Math.min(BASE_DELAY_MILLIS << Math.min(this.failures++, 10), MAX_DELAY_MILLIS);
			retry((long) (delay * ThreadLocalRandom.current().nextDouble(0.5, 1.5)));
		}

		/**
		 * The connection of a connected attempt ended.
		 */
		synchronized void dropped(Attempt attempt) {
			if (attempt != this.current || !this.connected || !attempt.end()) {
				return;
			}
			this.connected = false;
			StormClients.this.connected.decrementAndGet();
			StormClients.this.release.thenAccept((jitter) -> retry(
					(jitter.isZero()) ? 0 : ThreadLocalRandom.current().nextLong(jitter.toMillis() + 1)));
		}

		private void retry(long delayMillis) {
			if (!StormClients.this.closing) {
				StormClients.this.group.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
			}
		}

		synchronized void close() {
			if (this.current != null) {
				this.current.close();
			}
		}

	}

	/**
	 * One attempt of a client to connect, and its connection once connected.
	 */
	private abstract class Attempt {

		final Client client;

		int sentMillis;

		private boolean outstanding;

		private boolean ended;

		Attempt(Client client) {
			this.client = client;
		}

		abstract void start();

		abstract void close();

		/** Counts the handshake this attempt sends now as outstanding. */
		void sent() {
			synchronized (this.client) {
				this.sentMillis = millis();
				this.outstanding = true;
				outstanding(1);
			}
		}

		void settle() {
			if (this.outstanding) {
				this.outstanding = false;
				outstanding(-1);
			}
		}

		/** Ends the attempt; {@code false} if it had ended already. */
		boolean end() {
			if (this.ended) {
				return false;
			}
			this.ended = true;
			close();
			return true;
		}

		void ended(String kind) {
			synchronized (this.client) {
				if (this.client.connected) {
					this.client.dropped(this);
				}
				else {
					this.client.failed(this, false, kind);
				}
			}
		}

		void timeOut(Channel channel) {
			channel.eventLoop()
				.schedule(
						() -> this.client.failed(this, false,
								"no connect acknowledgement in " + ATTEMPT_TIMEOUT_SECONDS + " s"),
						ATTEMPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}

	}

	private final class WebSocketAttempt extends Attempt {

		private volatile Channel channel;

		WebSocketAttempt(Client client) {
			super(client);
		}

		@Override
		void start() {
			URI uri = URI.create("ws://127.0.0.1:" + StormClients.this.port + PATH + "websocket");
			WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
				.webSocketUri(uri)
				.handshakeTimeoutMillis(TimeUnit.SECONDS.toMillis(ATTEMPT_TIMEOUT_SECONDS))
				.build();
			sent();
			StormClients.this.bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_CONTENT),
								new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_CONTENT),
								new Frames());
				}

			}).connect("127.0.0.1", StormClients.this.port).addListener((future) -> {
				if (!future.isSuccess()) {
					this.client.failed(this, false, kind(future.cause()));
				}
			});
		}

		@Override
		void close() {
			Channel channel = this.channel;
			if (channel != null) {
				channel.close();
			}
		}

		private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {

			@Override
			public void channelActive(ChannelHandlerContext context) throws Exception {
				WebSocketAttempt.this.channel = context.channel();
				timeOut(context.channel());
				super.channelActive(context);
			}

			@Override
			protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
				String packet = frame.text();
				if (packet.startsWith("0")) {
					context.writeAndFlush(new TextWebSocketFrame("40" + AUTH));
				}
				else if (packet.equals("2")) {
					context.writeAndFlush(new TextWebSocketFrame("3"));
				}
				else if (packet.startsWith("40")) {
					WebSocketAttempt.this.client.connected(WebSocketAttempt.this);
				}
				else if (packet.startsWith("44")) {
					WebSocketAttempt.this.client.failed(WebSocketAttempt.this, false, "connect refused: " + packet);
				}
			}

			@Override
			public void channelInactive(ChannelHandlerContext context) throws Exception {
				ended("connection closed");
				super.channelInactive(context);
			}

			@Override
			public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
				if (cause instanceof WebSocketClientHandshakeException handshake && handshake.response() != null
						&& handshake.response().status().code() == 503) {
					WebSocketAttempt.this.client.failed(WebSocketAttempt.this, true, "503");
				}
				else {
					ended(kind(cause));
				}
				context.close();
			}

		}

	}

	private final class PollingAttempt extends Attempt {

		private volatile Channel channel;

		private volatile CompletableFuture<FullHttpResponse> response;

		private volatile String sid;

		PollingAttempt(Client client) {
			super(client);
		}

		@Override
		void start() {
			sent();
			StormClients.this.bootstrap.clone()
				.handler(initializer(this::answered))
				.connect("127.0.0.1", StormClients.this.port)
				.addListener((future) -> {
					if (!future.isSuccess()) {
						this.client.failed(this, false, kind(future.cause()));
						return;
					}
					this.channel = ((ChannelFuture) future).channel();
					timeOut(this.channel);
					this.channel.closeFuture().addListener((closed) -> ended("connection closed"));
					send(HttpMethod.GET, null).thenAccept(this::opened);
				});
		}

		private void answered(FullHttpResponse answer) {
			CompletableFuture<FullHttpResponse> response = this.response;
			if (response != null) {
				response.complete(answer.retainedDuplicate());
			}
		}

		private CompletableFuture<FullHttpResponse> send(HttpMethod method, String body) {
			CompletableFuture<FullHttpResponse> response = new CompletableFuture<>();
			this.response = response;
			this.channel.writeAndFlush(request(method, this.sid, body, false));
			return response;
		}

		private void opened(FullHttpResponse answer) {
			String body = body(answer);
			if (answer.status().code() == 503) {
				this.client.failed(this, true, "503");
				return;
			}
			Matcher sid = SID.matcher(body);
			if (answer.status().code() != 200 || !body.startsWith("0") || !sid.find()) {
				this.client.failed(this, false, "handshake answered " + answer.status().code());
				return;
			}
			this.sid = sid.group(1);
			send(HttpMethod.POST, "40" + AUTH).thenAccept((posted) -> {
				int status = posted.status().code();
				body(posted);
				if (status != 200) {
					ended("connect POST answered " + status);
				}
				else {
					poll();
				}
			});
		}

		private void poll() {
			send(HttpMethod.GET, null).thenAccept((answer) -> {
				String body = body(answer);
				if (answer.status().code() != 200) {
					ended("poll answered " + answer.status().code());
					return;
				}
				for (String packet : body.split(String.valueOf(SEPARATOR))) {
					if (packet.startsWith("40")) {
						this.client.connected(this);
					}
					else if (packet.startsWith("44")) {
						this.client.failed(this, false, "connect refused: " + packet);
						return;
					}
					else if (packet.equals("2")) {
						post("3");
					}
					else if (packet.equals("1")) {
						ended("closed by the server");
						return;
					}
				}
				poll();
			});
		}

		/**
		 * POSTs a packet on a connection of its own: the session's is held by its poll.
		 */
		private void post(String packet) {
			FullHttpRequest request = request(HttpMethod.POST, this.sid, packet, true);
			StormClients.this.bootstrap.clone().handler(initializer((answer) -> {
			})).connect("127.0.0.1", StormClients.this.port).addListener((future) -> {
				if (future.isSuccess()) {
					((ChannelFuture) future).channel().writeAndFlush(request);
				}
				else {
					request.release();
				}
			});
		}

		@Override
		void close() {
			Channel channel = this.channel;
			if (channel != null && channel.isOpen()) {
				if (this.sid != null && StormClients.this.closing) {
					post("1");
				}
				channel.close();
			}
		}

		private FullHttpRequest request(HttpMethod method, String sid, String body, boolean close) {
			String uri = PATH + "polling" + ((sid != null) ? "&sid=" + sid : "");
			FullHttpRequest request = (body != null)
					? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
							Unpooled.copiedBuffer(body, StandardCharsets.UTF_8))
					: new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
			request.headers()
				.set(HttpHeaderNames.HOST, "127.0.0.1:" + StormClients.this.port)
				.setInt(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
			if (body != null) {
				request.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8");
			}
			if (close) {
				request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			}
			return request;
		}

		private static String body(FullHttpResponse answer) {
			try {
				return answer.content().toString(StandardCharsets.UTF_8);
			}
			finally {
				answer.release();
			}
		}

		private ChannelInitializer<SocketChannel> initializer(Consumer<FullHttpResponse> answers) {
			return new ChannelInitializer<>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_CONTENT),
								new SimpleChannelInboundHandler<FullHttpResponse>() {

									@Override
									protected void channelRead0(ChannelHandlerContext context,
											FullHttpResponse answer) {
										answers.accept(answer);
										if (!HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(
												answer.headers().get(HttpHeaderNames.CONNECTION, "keep-alive"))) {
											context.close();
										}
									}

									@Override
									public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
										context.close();
									}

								});
				}

			};
		}

	}

}
