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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Socket.IO connection that never makes its namespace connect (its authentication) is
 * closed once {@code acp.socketio.connect-timeout} has passed, as the Node.js server's
 * {@code connectTimeout} closes it, while a connected socket beside it stays: the server
 * sends it a DISCONNECT, then closes the connection without a close frame (the JDK's
 * WebSocket client does not always report such an end on a loaded machine, so the test
 * waits for the DISCONNECT). On the server's own port.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0", "acp.socketio.connect-timeout=1s" })
class PendingConnectionTimeoutTests {

	@Autowired
	AcpSocketIoServer server;

	@Test
	void connectionWithoutNamespaceConnectIsClosedAfterTheTimeout() {
		int port = this.server.port();
		try (RawEngineIoSocket idle = RawEngineIoSocket.open(port);
				RawEngineIoSocket connected = RawEngineIoSocket.open(port)) {
			connected.send("40{\"user\":\"alice\"}");
			assertThat(connected.next()).startsWith("40{\"sid\"");
			assertThat(idle.next()).as("the server's DISCONNECT, before it closes the connection").isEqualTo("41");
			connected.send("420[\"thread:leave\",{\"thread_id\":\"th_1\"}]");
			assertThat(connected.next()).isEqualTo("430[{\"thread_id\":\"th_1\",\"left\":true}]");
		}
	}

}
