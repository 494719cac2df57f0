package io.github.agentprotocols.acp.socketio;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Set;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * Serves the Socket.IO transport on the application's HTTP port (spec §5.1) by forwarding
 * to the {@link AcpSocketIoServer}'s loopback port: long-polling requests as HTTP
 * requests with their method, query, body and end-to-end headers (cookies,
 * {@code Authorization}, {@code Origin}, and the client's address appended to
 * {@code X-Forwarded-For}), and WebSocket connections frame by frame, text and binary,
 * each side's close closing the other. Requests from an origin that is not allowed are
 * refused with 403 before anything is forwarded; while the server is stopped the bridge
 * answers 503.
 */
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

	private final AcpSocketIoServer server;

	private final HttpClient http = HttpClient.create(ConnectionProvider.newConnection());

	private final WebsocketClientSpec upstreamSpec = WebsocketClientSpec.builder()
		.maxFramePayloadLength(Integer.MAX_VALUE)
		.build();

	private final WebSocketService webSocketService;

	/**
	 * Creates the bridge.
	 * @param server the server it forwards to
	 */
	public SocketIoBridge(AcpSocketIoServer server) {
		this.server = server;
		this.webSocketService = webSocketService(server.settings().maxPayloadBytes());
	}

	private static WebSocketService webSocketService(int maxFrameBytes) {
		HandshakeWebSocketService service = new HandshakeWebSocketService();
		if (service.getUpgradeStrategy() instanceof ReactorNettyRequestUpgradeStrategy) {
			return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
					() -> WebsocketServerSpec.builder().maxFramePayloadLength(maxFrameBytes)));
		}
		return service;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.server.settings().allowedOrigins().isAllowed(request.getHeaders().getOrigin())) {
			return refuse(exchange.getResponse(), HttpStatus.FORBIDDEN);
		}
		Integer port = this.server.port();
		if (port == null) {
			return refuse(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE);
		}
		String target = InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + pathAndQuery(request);
		if ("websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())) {
			return this.webSocketService.handleRequest(exchange,
					(session) -> relay(session, request, "ws://" + target));
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
		}).defaultIfEmpty(NO_BODY).flatMap((body) -> this.http.headers((headers) -> {
			copyHeaders(request, headers, Set.of());
			if (body.length > 0 || !request.getMethod().matches("GET")) {
				headers.set("Content-Length", body.length);
			}
		})
			.request(HttpMethod.valueOf(request.getMethod().name()))
			.uri(uri)
			.send((body.length > 0) ? Mono.just(Unpooled.wrappedBuffer(body)) : Mono.empty())
			.responseSingle((response, content) -> content.asByteArray()
				.defaultIfEmpty(NO_BODY)
				.map((bytes) -> new Upstream(response.status().code(), response.responseHeaders(), bytes))))
			.flatMap((upstream) -> reply(exchange.getResponse(), upstream))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> refuse(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE))
			.onErrorResume((ex) -> !exchange.getResponse().isCommitted(),
					(ex) -> refuse(exchange.getResponse(), HttpStatus.BAD_GATEWAY));
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

	private Mono<Void> relay(WebSocketSession session, ServerHttpRequest request, String uri) {
		return this.http.headers((headers) -> copyHeaders(request, headers, WEBSOCKET_HANDSHAKE))
			.websocket(this.upstreamSpec)
			.uri(uri)
			.handle((inbound, outbound) -> relay(session, inbound, outbound))
			.then()
			.onErrorResume((ex) -> session.close(CloseStatus.SERVER_ERROR));
	}

	/**
	 * Relays frames both ways until both sides are closed: the client's close is sent
	 * upstream with its status, the server's to the client with its.
	 */
	private static Mono<Void> relay(WebSocketSession session, WebsocketInbound inbound, WebsocketOutbound outbound) {
		Mono<Void> toServer = outbound.sendObject(session.receive().mapNotNull(SocketIoBridge::frame))
			.then()
			.then(session.closeStatus().defaultIfEmpty(CloseStatus.GOING_AWAY))
			.flatMap((status) -> outbound.sendClose(sendable(status.getCode()), status.getReason()))
			.onErrorResume((ex) -> Mono.empty());
		Mono<Void> toClient = session.send(inbound.receiveFrames().mapNotNull((frame) -> message(session, frame)))
			.then(inbound.receiveCloseStatus().defaultIfEmpty(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE))
			.flatMap((status) -> session.close(new CloseStatus(sendable(status.code()), status.reasonText())))
			.onErrorResume((ex) -> session.close(CloseStatus.GOING_AWAY));
		return Mono.when(toServer, toClient);
	}

	private static @Nullable WebSocketFrame frame(WebSocketMessage message) {
		return switch (message.getType()) {
			case TEXT -> new TextWebSocketFrame(message.getPayloadAsText());
			case BINARY -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes(message.getPayload())));
			default -> null;
		};
	}

	private static @Nullable WebSocketMessage message(WebSocketSession session, WebSocketFrame frame) {
		if (frame instanceof TextWebSocketFrame text) {
			return session.textMessage(text.text());
		}
		if (frame instanceof BinaryWebSocketFrame binary) {
			byte[] bytes = ByteBufUtil.getBytes(binary.content());
			return session.binaryMessage((factory) -> factory.wrap(bytes));
		}
		return null;
	}

	/**
	 * A close code that may be sent in a close frame: the codes that only report a
	 * missing or abnormal close become 1001 (going away).
	 */
	private static int sendable(int code) {
		boolean reserved = code == 1005 || code == 1006 || code == 1015;
		return (code < 1000 || reserved) ? CloseStatus.GOING_AWAY.getCode() : code;
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

}
