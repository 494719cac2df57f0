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

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket that offers permessage-deflate is served uncompressed unless
 * {@code acp.socketio.websocket-compression} is set, as Node's Socket.IO server does
 * ({@link RoomEmissionTests} sets it and receives compressed frames).
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class WebSocketCompressionTests {

	@LocalServerPort
	private int port;

	@Test
	void anOfferOfCompressionIsDeclinedByDefault() {
		try (RawEngineIoSocket socket = RawEngineIoSocket.open(this.port, true)) {
			socket.send("40{\"user\":\"alice\"}");
			assertThat(socket.next()).startsWith("40{\"sid\"");
			assertThat(socket.isCompressed()).isFalse();
		}
	}

}
