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

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.OriginPolicy;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.HandshakeMetrics;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A refused WebSocket connection whose client has left before the refusal is sent: the
 * close frame is made only to be sent. Reactor Netty allocates it when the close is asked
 * for, and releases it only once that close is subscribed to or cancelled; one made and
 * never subscribed to was reported by Netty's leak detector (wire fuzzing of HPP).
 */
class HandshakeWebSocketRefusalTests {

	private final AtomicInteger closesMade = new AtomicInteger();

	private final AtomicInteger closesSent = new AtomicInteger();

	@Test
	void refusalThatCannotBeSentMakesNoCloseItDoesNotSend() {
		HandshakeWebSocketHandler handler = new HandshakeWebSocketHandler(mock(HandshakeManager.class),
				mock(SessionBroadcast.class), Duration.ofSeconds(25), HandshakeMetrics.NONE,
				new OriginPolicy(List.of("https://form.example")));
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin("https://elsewhere.example");
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getHandshakeInfo()).willReturn(
				new HandshakeInfo(URI.create("ws://localhost/handshake/ws/s1?token=t"), headers, Mono.empty(), null));
		given(session.textMessage(anyString())).willReturn(mock(WebSocketMessage.class));
		given(session.send(any())).willReturn(Mono.error(new IllegalStateException("connection closed")));
		given(session.close(any(CloseStatus.class))).willAnswer((invocation) -> {
			this.closesMade.incrementAndGet();
			return Mono.fromRunnable(this.closesSent::incrementAndGet);
		});
		handler.handle(session).onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(5));
		assertThat(this.closesMade).hasValue(this.closesSent.get());
	}

}
