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

package io.github.agentprotocols.hpp.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
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
 * {@code connected}, then the session's events, and a {@code heartbeat} before it has
 * sent nothing for the heartbeat interval (one {@link HeartbeatTicker} serves all
 * connections); it is never closed for client inactivity. When the session expires the
 * connection receives {@code {"type":"error","msg":"session expired"}} and is closed with
 * 1000, as it is after {@code {"type":"error","msg":"session unavailable"}} when the
 * session's events cannot be followed (a shared broadcast that lost its server). The
 * client may send {@code userEdit} messages; everything else is ignored.
 * <p>
 * When the application stops, before the web server's graceful shutdown waits for active
 * requests, every open connection is closed with 1001 (going away), so that open pages do
 * not hold the shutdown up, and the heartbeat ticker stops.
 */
public class HandshakeWebSocketHandler implements WebSocketHandler, SmartLifecycle {

	/**
	 * The greeting handed to the broadcast: it marks the moment the connection's
	 * subscription is active and becomes the {@code connected} frame when it is sent, so
	 * that no open connection keeps that frame.
	 */
	private static final HandshakeEvent GREETING = HandshakeEvent.heartbeat();

	private final HandshakeManager manager;

	private final SessionBroadcast broadcast;

	private final HandshakeMetrics metrics;

	private final @Nullable OriginPolicy originPolicy;

	private final Map<WebSocketSession, ConnectionFrames> open = new ConcurrentHashMap<>();

	private final HeartbeatTicker heartbeats;

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
		this.heartbeats = new HeartbeatTicker(heartbeatInterval, this.open.values(), Schedulers.parallel(),
				System::nanoTime);
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
		// share() lets go of the connect's operators and its finished observation once
		// the connection is known: only the outcome stays with the open connection
		return this.observations
			.observe(HppObservationDocumentation.WEBSOCKET_CONNECT, "websocket", sessionId,
					HandshakeWebSocketHandler::outcome, connection)
			.share()
			.flatMap((accepted) -> accepted.accepted() ? serve(session, accepted) : refuse(session, accepted.error()));
	}

	private static String outcome(Connection connection) {
		if (connection.accepted()) {
			return "success";
		}
		return "session not found".equals(connection.error()) ? "not_found" : "rejected";
	}

	/**
	 * Sends the refusal, then closes. The close is asked for only once the refusal is
	 * sent: Reactor Netty makes the close frame when asked, and releases it only once
	 * that close is subscribed to, which a refusal whose client has left never is.
	 */
	private Mono<Void> refuse(WebSocketSession session, String error) {
		return session.send(Mono.just(text(session, HandshakeEvent.error(error))))
			.then(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION)));
	}

	private Mono<Void> serve(WebSocketSession session, Connection connection) {
		ConnectionFrames frames = new ConnectionFrames(System::nanoTime);
		Disposable events = this.broadcast.subscribe(connection.sessionId(), GREETING)
			.subscribe((event) -> frames.emit((event != GREETING) ? event : connected(connection)),
					(ex) -> frames.emit(HandshakeEvent.error("session unavailable")));
		this.metrics.connectionOpened();
		this.open.put(session, frames);
		this.heartbeats.start();
		if (this.stopped) {
			session.close(CloseStatus.GOING_AWAY).subscribe();
		}
		Mono<Void> send = session.send(frames.frames().map((event) -> text(session, event)))
			.then(Mono.defer(() -> session.close(CloseStatus.NORMAL)));
		Mono<Void> receive = session.receive()
			.concatMap((message) -> (message.getType() == WebSocketMessage.Type.TEXT)
					? receive(connection, message.getPayloadAsText()) : Mono.empty())
			.then();
		return Mono.firstWithSignal(send, receive).onErrorResume((ex) -> Mono.empty()).doFinally((signal) -> {
			this.open.remove(session);
			events.dispose();
			this.metrics.connectionClosed();
		});
	}

	private static HandshakeEvent connected(Connection connection) {
		return HandshakeEvent.connected(connection.sessionId(), connection.mode());
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
		this.heartbeats.stop();
		this.open.keySet().forEach((session) -> session.close(CloseStatus.GOING_AWAY).subscribe(null, (ex) -> {
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
