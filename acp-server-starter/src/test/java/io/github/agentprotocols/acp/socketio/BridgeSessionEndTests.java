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

import org.junit.jupiter.api.RepeatedTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When netty-socketio ends a session over WebSocket it sends the DISCONNECT ({@code 41})
 * and closes its connection at once, without a close frame: the bridge relays the
 * DISCONNECT to the client before it closes the client's connection. It closed the
 * client's connection as soon as netty-socketio's ended, and the DISCONNECT, still on its
 * way, was lost in most sessions.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class BridgeSessionEndTests {

	@LocalServerPort
	int port;

	@RepeatedTest(10)
	void theServersLastPacketReachesTheClientBeforeItsConnectionCloses() {
		try (RawEngineIoSocket socket = RawEngineIoSocket.open(this.port)) {
			socket.send("42[\"thread:join\",{}]");
			assertThat(socket.next()).as("an event before any CONNECT ends the session").isEqualTo("41");
		}
	}

}
