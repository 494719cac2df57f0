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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.commons.web.ReactorNettyExchange;
import io.github.agentprotocols.commons.web.WebSocketPeerErrors;
import io.github.agentprotocols.hpp.wire.HppJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * Maps the protocol's WebSocket channel, {@code {ws-prefix}/{sid}}, to its handler, and
 * answers a WebSocket upgrade by another method than {@code GET} over HTTP/1.x on Reactor
 * Netty 400 {@code {"error":"websocket upgrade requires GET"}} instead: Spring's
 * {@code HandshakeWebSocketService} lets {@code CONNECT} (HTTP/2's upgrade method)
 * through whatever the protocol version, with or without upgrade headers, and Reactor
 * Netty's HTTP/1.1 handshaker then fails it, a 500 and an ERROR. Other requests, and
 * {@code CONNECT} over HTTP/2 or on other servers, go the usual way.
 * <p>
 * On Reactor Netty, a browser's protocol violations on the channel (a frame Netty's
 * decoder refuses, a fragmented message whose connection ends before its last fragment)
 * are logged at DEBUG ({@link WebSocketPeerErrors}), not at WARN or ERROR by Reactor
 * Netty; the connection closes as before.
 */
public class HandshakeWebSocketMapping extends SimpleUrlHandlerMapping {

	private static final WebHandler WRONG_METHOD = refusal("websocket upgrade requires GET");

	/**
	 * Creates the mapping, ahead of annotated controllers.
	 * @param webSocketPrefix the prefix of the WebSocket channel, such as
	 * {@code /ws/handshake}
	 * @param handler the channel's handler
	 */
	public HandshakeWebSocketMapping(String webSocketPrefix, WebSocketHandler handler) {
		super(Map.of(webSocketPrefix + "/*", handler), -1);
	}

	@Override
	public Mono<Object> getHandlerInternal(ServerWebExchange exchange) {
		return super.getHandlerInternal(exchange)
			.map((handler) -> isUpgradeByAnotherMethodOnHttp1(exchange.getRequest()) ? WRONG_METHOD
					: guarded((WebSocketHandler) handler, exchange));
	}

	/**
	 * The handler, guarding the connection against the peer's protocol violations first.
	 */
	private static WebSocketHandler guarded(WebSocketHandler handler, ServerWebExchange exchange) {
		return new WebSocketHandler() {

			@Override
			public List<String> getSubProtocols() {
				return handler.getSubProtocols();
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				WebSocketPeerErrors.guard(exchange.getResponse());
				return handler.handle(session);
			}

		};
	}

	/**
	 * Whether the request asks for a WebSocket upgrade, or is a {@code CONNECT}, which
	 * Spring takes for one, by another method than {@code GET} over HTTP/1.x on Reactor
	 * Netty.
	 */
	private static boolean isUpgradeByAnotherMethodOnHttp1(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		if (HttpMethod.GET.equals(method)
				|| !(method.matches("CONNECT") || "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade()))) {
			return false;
		}
		return ReactorNettyExchange.isHttp1(request);
	}

	private static WebHandler refusal(String error) {
		byte[] body = HppJson.write(JsonNodeFactory.instance.objectNode().put("error", error))
			.getBytes(StandardCharsets.UTF_8);
		return (exchange) -> {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.BAD_REQUEST);
			HttpHeaders headers = response.getHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setCacheControl(CacheControl.noStore());
			headers.setContentLength(body.length);
			return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
		};
	}

}
