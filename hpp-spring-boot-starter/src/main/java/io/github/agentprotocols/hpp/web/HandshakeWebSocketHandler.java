package io.github.agentprotocols.hpp.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeManager.Connection;
import io.github.agentprotocols.hpp.HandshakeMetrics;
import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.OriginPolicy;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.hpp.wire.HppJson;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * The protocol's WebSocket channel, {@code {ws-prefix}/{sid}?token=...}. The upgrade is
 * always accepted; an unknown session, a wrong token or, when origins are checked, a page
 * from an origin that is neither the application's own nor allowed is reported as an
 * {@code error} frame followed by close code 1008. An accepted connection receives
 * {@code connected}, then the session's events, and a {@code heartbeat} whenever it has
 * sent nothing for the heartbeat interval; it is never closed for client inactivity. When
 * the session expires the connection receives {@code {"type":"error","msg":"session
 * expired"}} and is closed with 1000, as it is after
 * {@code {"type":"error","msg":"session unavailable"}} when the session's events cannot
 * be followed (a shared broadcast that lost its server). The client may send
 * {@code userEdit} messages; everything else is ignored.
 * <p>
 * When the application stops, before the web server's graceful shutdown waits for active
 * requests, every open connection is closed with 1001 (going away), so that open pages
 * neither hold the shutdown up nor keep their heartbeat timers.
 */
public class HandshakeWebSocketHandler implements WebSocketHandler, SmartLifecycle {

	private final HandshakeManager manager;

	private final SessionBroadcast broadcast;

	private final Duration heartbeatInterval;

	private final HandshakeMetrics metrics;

	private final @Nullable OriginPolicy originPolicy;

	private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private volatile boolean stopped;

	private HandshakeObservations observations = HandshakeObservations.NOOP;

	/**
	 * Creates the handler.
	 * @param manager the protocol engine
	 * @param broadcast the source of session events
	 * @param heartbeatInterval the longest silence before a heartbeat is sent
	 * @param metrics receives connection counts
	 * @param originPolicy the origins whose pages may connect, or null to accept any
	 */
	public HandshakeWebSocketHandler(HandshakeManager manager, SessionBroadcast broadcast, Duration heartbeatInterval,
			HandshakeMetrics metrics, @Nullable OriginPolicy originPolicy) {
		this.manager = manager;
		this.broadcast = broadcast;
		this.heartbeatInterval = heartbeatInterval;
		this.metrics = metrics;
		this.originPolicy = originPolicy;
	}

	/**
	 * Sets what observes the connections' handshakes.
	 * @param observations the observations
	 */
	public void setObservations(HandshakeObservations observations) {
		this.observations = observations;
	}

	@Override
	public Mono<Void> handle(WebSocketSession session) {
		HandshakeInfo info = session.getHandshakeInfo();
		String path = info.getUri().getPath();
		String sessionId = path.substring(path.lastIndexOf('/') + 1);
		String token = token(info.getUri().getRawQuery());
		if (this.stopped) {
			return session.close(CloseStatus.GOING_AWAY);
		}
		Mono<Connection> connection = (this.originPolicy != null && !this.originPolicy.allows(info.getHeaders()))
				? Mono.just(new Connection(sessionId, null, false, "origin not allowed"))
				: info.getPrincipal()
					.map(Optional::of)
					.defaultIfEmpty(Optional.empty())
					.flatMap((principal) -> this.manager.connect(sessionId, token,
							new HandshakeRequest(principal.orElse(null), info.getHeaders(), null)));
		return this.observations
			.observe(HppObservationDocumentation.WEBSOCKET_CONNECT, "websocket", sessionId,
					HandshakeWebSocketHandler::outcome, connection)
			.flatMap((accepted) -> accepted.accepted() ? serve(session, accepted) : refuse(session, accepted.error()));
	}

	private static String outcome(Connection connection) {
		if (connection.accepted()) {
			return "success";
		}
		return "session not found".equals(connection.error()) ? "not_found" : "rejected";
	}

	private Mono<Void> refuse(WebSocketSession session, String error) {
		return session.send(Mono.just(text(session, HandshakeEvent.error(error))))
			.then(session.close(CloseStatus.POLICY_VIOLATION));
	}

	private Mono<Void> serve(WebSocketSession session, Connection connection) {
		Sinks.Many<HandshakeEvent> outbound = Sinks.many().unicast().onBackpressureBuffer();
		Disposable events = this.broadcast
			.subscribe(connection.sessionId(), HandshakeEvent.connected(connection.sessionId(), connection.mode()))
			.onErrorReturn(HandshakeEvent.error("session unavailable"))
			.subscribe(
					(event) -> outbound.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))));
		this.metrics.connectionOpened();
		this.open.add(session);
		if (this.stopped) {
			session.close(CloseStatus.GOING_AWAY).subscribe();
		}
		Mono<Void> send = session
			.send(frames(outbound.asFlux(), this.heartbeatInterval).map((event) -> text(session, event)))
			.then(Mono.defer(() -> session.close(CloseStatus.NORMAL)))
			.onErrorResume((ex) -> Mono.empty());
		Mono<Void> receive = session.receive()
			.filter((message) -> message.getType() == WebSocketMessage.Type.TEXT)
			.map(WebSocketMessage::getPayloadAsText)
			.concatMap((text) -> receive(connection, text))
			.then()
			.onErrorResume((ex) -> Mono.empty());
		return Mono.firstWithSignal(send, receive).doFinally((signal) -> {
			this.open.remove(session);
			events.dispose();
			this.metrics.connectionClosed();
		});
	}

	/**
	 * The frames of a connection: every event, in order, merged with a heartbeat after
	 * each heartbeat interval since the last event, up to and including the event that
	 * closes the connection. Only heartbeats are ever dropped, when the connection takes
	 * no frames for a while.
	 * @param events the session's events, starting with the greeting
	 * @param heartbeatInterval the longest silence before a heartbeat
	 * @return the frames
	 */
	static Flux<HandshakeEvent> frames(Flux<HandshakeEvent> events, Duration heartbeatInterval) {
		return events.publish((shared) -> Flux.merge(shared,
				shared.switchMap((event) -> Flux.interval(heartbeatInterval, heartbeatInterval)
					.onBackpressureDrop()
					.map((tick) -> HandshakeEvent.heartbeat()))))
			.takeUntil(HandshakeEvent::closesConnection);
	}

	@Override
	public void start() {
		this.stopped = false;
		this.running = true;
	}

	@Override
	public void stop() {
		this.stopped = true;
		this.running = false;
		this.open.forEach((session) -> session.close(CloseStatus.GOING_AWAY).subscribe(null, (ex) -> {
		}));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private Mono<Void> receive(Connection connection, String text) {
		JsonNode message;
		try {
			message = HppJson.read(text);
		}
		catch (JacksonException ex) {
			return Mono.empty();
		}
		if (message == null || !message.isObject() || !"userEdit".equals(message.path("type").asString(""))) {
			return Mono.empty();
		}
		JsonNode key = message.get("key");
		if (key == null || key.isNull()) {
			return Mono.empty();
		}
		JsonNode value = message.has("value") ? message.get("value") : JsonNodeFactory.instance.nullNode();
		return this.manager.userEdit(connection, key, value).onErrorResume((ex) -> Mono.empty());
	}

	private static WebSocketMessage text(WebSocketSession session, HandshakeEvent event) {
		return session.textMessage(HppJson.write(event.frame()));
	}

	/**
	 * The token of a WebSocket URL: the first query parameter named {@code token}.
	 * @param rawQuery the raw query string, or null
	 * @return the decoded token, or null
	 */
	static @Nullable String token(@Nullable String rawQuery) {
		if (rawQuery == null) {
			return null;
		}
		for (String part : rawQuery.split("&")) {
			if (part.startsWith("token=")) {
				String raw = part.substring(6);
				try {
					return URLDecoder.decode(raw, StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					return raw;
				}
			}
		}
		return null;
	}

}
