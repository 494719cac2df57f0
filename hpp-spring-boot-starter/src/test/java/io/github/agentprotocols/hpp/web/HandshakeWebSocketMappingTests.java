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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The mapping away from Reactor Netty: where the web server's request cannot be known (a
 * mock exchange here, another server in an application), an upgrade by another method
 * than {@code GET} is left to Spring rather than failing the lookup, and the handler
 * handles it without guarding a connection there is none of.
 */
class HandshakeWebSocketMappingTests {

	private final AtomicBoolean handled = new AtomicBoolean();

	private final WebSocketHandler handler = (session) -> Mono.fromRunnable(() -> this.handled.set(true));

	@Test
	void anUpgradeByAnotherMethodOnAnotherServerIsLeftToSpring() {
		HandshakeWebSocketMapping mapping = new HandshakeWebSocketMapping("/ws/handshake", this.handler);
		mapping.setApplicationContext(new StaticApplicationContext());
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.method(HttpMethod.valueOf("CONNECT"), "/ws/handshake/abc")
				.header("Upgrade", "websocket"));
		Object found = mapping.getHandler(exchange).block(Duration.ofSeconds(5));
		assertThat(found).isInstanceOf(WebSocketHandler.class);
		((WebSocketHandler) found).handle(mock(WebSocketSession.class)).block(Duration.ofSeconds(5));
		assertThat(this.handled).isTrue();
	}

}
