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

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.commons.web.ReactorNettyExchange;
import io.github.agentprotocols.commons.web.WebSocketPeerErrors;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Serves the Socket.IO transport on the application's HTTP port (spec §5.1) by forwarding
 * to the {@link AcpSocketIoServer}'s port, on {@link SocketIoSettings#bridgeAddress()}:
 * long-polling requests as HTTP requests with their method, query, body and end-to-end
 * headers (cookies, {@code Authorization}, {@code Origin}, and the client's address
 * appended to {@code X-Forwarded-For}; {@code Host} as the application saw it, so the
 * server's own origin check agrees with the bridge's), and WebSocket connections frame by
 * frame, text and binary, each side's close closing the other (WebSocket needs Reactor
 * Netty as the web server, else the upgrade is answered 501). Requests from an origin
 * that is not allowed are refused with 403 before anything is forwarded, and a WebSocket
 * upgrade for a session the server does not hold with 400 {@code Session ID unknown}
 * before the client's connection is upgraded; while the server is stopped the bridge
 * answers 503. Each long-polling request is forwarded on a connection of its own:
 * netty-socketio closes the connection after nearly every answer, so a pool would keep
 * next to nothing.
 * <p>
 * A forwarded request is answered within the server's ping interval and a margin of
 * {@value #MARGIN_SECONDS} seconds: a long-poll legitimately waits up to the interval,
 * and one the server leaves unanswered beyond is answered as the Node.js Engine.IO server
 * answers a failed request, 400 {@code {"code":3,"message":"Bad request"}}, and logged at
 * WARN.
 */
@Internal
public class SocketIoBridge implements WebHandler {

	private static final byte[] NO_BODY = new byte[0];

	/** Headers of one connection, never forwarded. */
	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
			"proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
			"content-length");

	/** Headers of a WebSocket handshake, which the relay makes anew. */
	private static final Set<String> WEBSOCKET_HANDSHAKE = Set.of("sec-websocket-key", "sec-websocket-version",
			"sec-websocket-extensions", "sec-websocket-protocol", "sec-websocket-accept");

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	/** How much longer than the ping interval a forwarded request may take. */
	private static final long MARGIN_SECONDS = 10;

	private static final Log logger = LogFactory.getLog(SocketIoBridge.class);

	private final AcpSocketIoServer server;

	private final HttpClient http;

	private final WebsocketClientSpec upstreamSpec = WebsocketClientSpec.builder()
		.maxFramePayloadLength(Integer.MAX_VALUE)
		.build();

	private final WebsocketServerSpec clientSpec;

	private final Duration exchangeTimeout;

	/**
	 * Creates the bridge.
	 * @param server the server it forwards to
	 */
	public SocketIoBridge(AcpSocketIoServer server) {
		this(server, HttpClient.create(ConnectionProvider.newConnection()));
	}

	/**
	 * Creates the bridge with the HTTP client it forwards with.
	 * @param server the server it forwards to
	 * @param http opens a fresh connection for each request
	 */
	SocketIoBridge(AcpSocketIoServer server, HttpClient http) {
		this.server = server;
		this.http = http;
		this.clientSpec = WebsocketServerSpec.builder()
			.maxFramePayloadLength(server.settings().maxPayloadBytes())
			.build();
		this.exchangeTimeout = server.pingInterval().plusSeconds(MARGIN_SECONDS);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.server.settings().allowedOrigins().isAllowed(request.getHeaders().getOrigin(), authority(request))) {
			return refuse(exchange.getResponse(), HttpStatus.FORBIDDEN);
		}
		Integer port = this.server.port();
		if (port == null) {
			return refuse(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE);
		}
		String target = host(this.server.settings().bridgeAddress()) + ":" + port + pathAndQuery(request);
		if ("websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())) {
			if (!request.getMethod().matches("GET")) {
				return refuse(exchange.getResponse(), HttpStatus.BAD_REQUEST);
			}
			String sid = request.getQueryParams().getFirst("sid");
			if (sid != null && !this.server.knowsSession(sid)) {
				logger.debug("WebSocket upgrade for unknown Engine.IO session " + sid);
				return EngineIoErrors.UNKNOWN_SESSION.answer(exchange.getResponse());
			}
			return relay(exchange, "ws://" + target);
		}
		return forward(exchange, "http://" + target);
	}

	private Mono<Void> forward(ServerWebExchange exchange, String uri) {
		ServerHttpRequest request = exchange.getRequest();
		return DataBufferUtils.join(request.getBody(), this.server.settings().maxPayloadBytes()).map((buffer) -> {
			try {
				return bytes(buffer);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		})
			.defaultIfEmpty(NO_BODY)
			.onErrorMap(DisconnectedClientHelper::isClientDisconnectedException, RequestAbandoned::new)
			.flatMap((body) -> send(request, uri, body).timeout(this.exchangeTimeout))
			.flatMap((upstream) -> answeredAlready(exchange) ? Mono.empty() : reply(exchange.getResponse(), upstream))
			.onErrorResume(TimeoutException.class, (ex) -> unanswered(exchange))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> refuse(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE))
			.onErrorResume((ex) -> !exchange.getResponse().isCommitted(), (ex) -> failed(exchange, ex));
	}

	/**
	 * Sends a request on a fresh connection, and once more on another if the first failed
	 * before the HTTP client began to write it: the Socket.IO server never saw it.
	 * Netty's epoll transport dispatches events by file descriptor, so a connection not
	 * connected yet that took over the descriptor of one closed in the same batch of
	 * events can get that one's event, read, and fail ({@code NotYetConnectedException});
	 * Reactor Netty retries a connection lost before its request only when it was reset
	 * or closed.
	 */
	private Mono<Upstream> send(ServerHttpRequest request, String uri, byte[] body) {
		AtomicBoolean sending = new AtomicBoolean();
		return this.http.headers((headers) -> {
			copyHeaders(request, headers, Set.of());
			if (body.length > 0 || !request.getMethod().matches("GET")) {
				headers.set("Content-Length", body.length);
			}
		})
			.doOnRequest((sent, connection) -> sending.set(true))
			.request(HttpMethod.valueOf(request.getMethod().name()))
			.uri(uri)
			.send((body.length > 0) ? Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)) : Mono.empty())
			.responseSingle((response, content) -> content.asByteArray()
				.defaultIfEmpty(NO_BODY)
				.map((bytes) -> new Upstream(response.status().code(), response.responseHeaders(), bytes)))
			.retryWhen(onceMoreUnlessSent(sending, request));
	}

	/**
	 * Tries a request to the Socket.IO server once more, on a fresh connection, when it
	 * failed before the HTTP client began to write it ({@link #send}).
	 */
	private static Retry onceMoreUnlessSent(AtomicBoolean sending, ServerHttpRequest request) {
		return Retry.max(1)
			.filter((ex) -> !sending.get())
			.doBeforeRetry((retry) -> logger.debug("Could not send " + described(request) + " to the Socket.IO server ("
					+ retry.failure() + "); sending it on a fresh connection"))
			.onRetryExhaustedThrow((spec, retry) -> retry.failure());
	}

	/**
	 * Answers a forwarded exchange that failed: one the web server answered already (a
	 * body it could not decode) or whose client left before its body arrived is the
	 * peer's doing, logged at DEBUG; any other is the Socket.IO server unreachable or
	 * gone (its connection reset, which reads like a client's), 502.
	 */
	private Mono<Void> failed(ServerWebExchange exchange, Throwable failure) {
		if (answeredAlready(exchange)) {
			return Mono.empty();
		}
		if (failure instanceof RequestAbandoned) {
			logger.debug("Request abandoned by the client before its body arrived, not forwarded: "
					+ described(exchange.getRequest()));
			return EngineIoErrors.BAD_REQUEST.answer(exchange.getResponse());
		}
		logger.warn("Could not forward " + described(exchange.getRequest()) + " to the Socket.IO server (" + failure
				+ "); answered 502");
		return refuse(exchange.getResponse(), HttpStatus.BAD_GATEWAY);
	}

	/**
	 * Whether Reactor Netty answered the request itself (400 for a body it could not
	 * decode), which leaves the bridge's answer to drop.
	 */
	private static boolean answeredAlready(ServerWebExchange exchange) {
		if (!ReactorNettyExchange.hasSentHeaders(exchange.getResponse())) {
			return false;
		}
		logger.debug("Request already answered by the web server, the bridge's answer dropped: "
				+ described(exchange.getRequest()));
		return true;
	}

	private static String described(ServerHttpRequest request) {
		return request.getMethod() + " " + request.getPath().value();
	}

	private Mono<Void> unanswered(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		logger.warn("The Socket.IO server did not answer a forwarded " + request.getMethod() + " "
				+ request.getPath().value() + " within " + this.exchangeTimeout.toMillis() + " ms; answered 400");
		return EngineIoErrors.BAD_REQUEST.answer(exchange.getResponse());
	}

	private static Mono<Void> reply(ServerHttpResponse response, Upstream upstream) {
		response.setStatusCode(HttpStatusCode.valueOf(upstream.status()));
		upstream.headers().forEach((header) -> {
			if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				response.getHeaders().add(header.getKey(), header.getValue());
			}
		});
		response.getHeaders().setContentLength(upstream.body().length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(upstream.body())));
	}

	/**
	 * Upgrades the client's request and relays its WebSocket to the server's, in Reactor
	 * Netty's own terms: frames are passed on as they are, and when one side's connection
	 * ends the other is closed the same way, with the close status it received, or
	 * abruptly. The client's frames are read apart from the upstream connection, which
	 * Reactor Netty would otherwise stop reading when that connection ends, sending the
	 * client a close frame and leaving the connection open: a client that does not answer
	 * close frames (the Java client) would then stay connected. WebFlux's session cannot
	 * end a connection abruptly, hence Reactor Netty's API. An upgrade to the server that
	 * failed before it was written is tried once more, as {@link #send} does.
	 */
	private Mono<Void> relay(ServerWebExchange exchange, String uri) {
		if (!(ServerHttpResponseDecorator
			.getNativeResponse(exchange.getResponse()) instanceof HttpServerResponse response)) {
			return refuse(exchange.getResponse(), HttpStatus.NOT_IMPLEMENTED);
		}
		ServerHttpRequest request = exchange.getRequest();
		return response.sendWebsocket((clientIn, clientOut) -> {
			clientIn.withConnection(WebSocketPeerErrors::guard);
			AtomicBoolean sending = new AtomicBoolean();
			this.http.headers((headers) -> copyHeaders(request, headers, WEBSOCKET_HANDSHAKE))
				.doOnRequest((sent, connection) -> sending.set(true))
				.websocket(this.upstreamSpec)
				.uri(uri)
				.handle((serverIn, serverOut) -> {
					closeServerWhenClientEnds(clientIn, serverIn);
					AtomicReference<WebSocketCloseStatus> closeStatus = new AtomicReference<>();
					serverIn.receiveCloseStatus().subscribe(closeStatus::set);
					clientIn.receiveFrames()
						.filter(SocketIoBridge::isData)
						.concatMap((frame) -> serverOut.sendObject(frame.retain())
							.then()
							.onErrorResume((ex) -> Mono.empty()))
						.onErrorComplete()
						.subscribe();
					return clientOut
						.sendObject(serverIn.receiveFrames().filter(SocketIoBridge::isData).map(WebSocketFrame::retain))
						.then()
						.then(Mono.fromRunnable(() -> closeClient(closeStatus.get(), clientIn, clientOut)));
				})
				.retryWhen(onceMoreUnlessSent(sending, request))
				.subscribe(null, (ex) -> abort(clientIn));
			return Mono
				.<Void>create((ended) -> clientIn.withConnection((connection) -> connection.onDispose(ended::success)));
		}, this.clientSpec);
	}

	private static boolean isData(WebSocketFrame frame) {
		return frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
				|| frame instanceof ContinuationWebSocketFrame;
	}

	/**
	 * Closes the client's connection once the server's has ended and every frame it sent
	 * has been written to the client: with the close status the server sent, or abruptly
	 * when it sent none (netty-socketio ends a session with a DISCONNECT packet and
	 * closes at once, and closing the client's connection as the server's ended lost the
	 * DISCONNECT still on its way).
	 */
	private static void closeClient(@Nullable WebSocketCloseStatus status, WebsocketInbound clientIn,
			WebsocketOutbound clientOut) {
		if (status != null && sendable(status.code())) {
			clientOut.sendClose(status.code(), status.reasonText()).subscribe(null, (ex) -> abort(clientIn));
		}
		else {
			abort(clientIn);
		}
	}

	/**
	 * Closes the client's connection without a close frame, which Reactor Netty would
	 * send first on disposing it.
	 */
	private static void abort(WebsocketInbound client) {
		client.withConnection((connection) -> connection.channel().close());
	}

	/**
	 * Closes the server's connection when the client's ends, however it ended: netty-
	 * socketio ends the session either way. The client's connection ends on its own event
	 * loop, the server's is disposed on its own ({@link #disposeOnItsEventLoop}).
	 */
	private static void closeServerWhenClientEnds(WebsocketInbound client, WebsocketInbound serverIn) {
		client.withConnection((connection) -> connection
			.onDispose(() -> serverIn.withConnection(SocketIoBridge::disposeOnItsEventLoop)));
	}

	/**
	 * Disposes a connection on its own event loop, at once when called there. Disposed
	 * from another event loop (the client's, as its connection closes), its inbound would
	 * be marked cancelled while the relay to the client may be subscribing to it on its
	 * own event loop: the inbound then completes the client's {@code sendObject} from
	 * within the cancellation of a subscription that sender refuses (its own close
	 * listener cancelled it first), before the sender has made its queue, and Reactor
	 * Netty 1.3.6 reports a {@code NullPointerException} as dropped
	 * ({@code MonoSendMany}). Everything disposing does happens on that event loop
	 * anyway; only its start moves there.
	 * @param connection the connection
	 */
	static void disposeOnItsEventLoop(Connection connection) {
		EventLoop eventLoop = connection.channel().eventLoop();
		if (eventLoop.inEventLoop()) {
			connection.dispose();
			return;
		}
		try {
			eventLoop.execute(connection::dispose);
		}
		catch (RejectedExecutionException ex) {
			// the event loop is shutting down, and closes its connections
		}
	}

	/**
	 * Whether a close code may be sent in a close frame: not those that only report a
	 * missing or abnormal close.
	 */
	private static boolean sendable(int code) {
		return code >= 1000 && code != 1005 && code != 1006 && code != 1015;
	}

	/**
	 * The host and port the client asked for: the request's URI, which honours forwarded
	 * headers when the application trusts them ({@code server.forward-headers-strategy}).
	 */
	private static @Nullable String authority(ServerHttpRequest request) {
		return request.getURI().getRawAuthority();
	}

	private static void copyHeaders(ServerHttpRequest request, HttpHeaders headers, Set<String> skipped) {
		request.getHeaders().forEach((name, values) -> {
			String lowerCase = name.toLowerCase(Locale.ROOT);
			if (!HOP_BY_HOP.contains(lowerCase) && !skipped.contains(lowerCase)
					&& !lowerCase.equals(FORWARDED_FOR.toLowerCase(Locale.ROOT))) {
				headers.add(name, values);
			}
		});
		String forwardedFor = String.join(", ", request.getHeaders().getOrEmpty(FORWARDED_FOR));
		String client = clientAddress(request);
		if (client != null) {
			forwardedFor = forwardedFor.isEmpty() ? client : forwardedFor + ", " + client;
		}
		if (!forwardedFor.isEmpty()) {
			headers.set(FORWARDED_FOR, forwardedFor);
		}
		String authority = authority(request);
		if (authority != null) {
			headers.set("Host", authority);
		}
	}

	private static @Nullable String clientAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return null;
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	private static String pathAndQuery(ServerHttpRequest request) {
		String query = request.getURI().getRawQuery();
		return request.getPath().pathWithinApplication().value() + ((query != null) ? "?" + query : "");
	}

	private static String host(InetAddress address) {
		String host = address.getHostAddress();
		return (address instanceof Inet6Address) ? "[" + host + "]" : host;
	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		return bytes;
	}

	private static Mono<Void> refuse(ServerHttpResponse response, HttpStatus status) {
		response.setStatusCode(status);
		return response.setComplete();
	}

	private record Upstream(int status, HttpHeaders headers, byte[] body) {

	}

	/**
	 * A request whose client left before its body arrived.
	 */
	private static final class RequestAbandoned extends RuntimeException {

		RequestAbandoned(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
