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

import java.io.IOException;

import com.corundumstudio.socketio.HandshakeData;
import io.github.agentprotocols.testsupport.RawWebSocket;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code acp.socketio.application-port=bridge}, nothing is served in place on the
 * application's port: long-polling and WebSockets go through the bridge, whose
 * {@code X-Forwarded-For} the session's handshake carries.
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.application-port=bridge" })
class SocketIoOnApplicationPortBridgeTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AcpSocketIoServer server;

	@Test
	void aLongPollIsForwardedByTheBridge() throws IOException, InterruptedException {
		String sid = new PollingClient(this.port).handshake();
		assertThat(session(sid).getHttpHeaders().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
	}

	@Test
	void aWebSocketIsForwardedByTheBridge() throws IOException {
		try (RawWebSocket webSocket = RawWebSocket.open(this.port, "/socket.io/?EIO=4&transport=websocket")) {
			String open = webSocket.nextText();
			assertThat(open).startsWith("0{");
			String sid = open.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
			assertThat(session(sid).getHttpHeaders().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
		}
	}

	private HandshakeData session(String sid) {
		return SocketIoOnApplicationPortTests.session(this.server, sid);
	}

}
