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

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While {@code acp.socketio.max-pending-connections} Socket.IO connections have not made
 * their namespace connect, a new connection is refused with 503 and an Engine.IO error
 * body, on both ports; once one of them has connected, connections are accepted again.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0", "acp.socketio.max-pending-connections=2" })
class PendingConnectionLimitTests extends SocketIoHttpTests {

	@Test
	void connectionsBeyondThePendingLimitAreRefusedUntilOneConnects() {
		try (RawEngineIoSocket first = RawEngineIoSocket.open(this.port);
				RawEngineIoSocket second = RawEngineIoSocket.open(this.port)) {
			for (int port : ports()) {
				HttpResponse<String> refused = handshake(port, null);
				assertThat(refused.statusCode()).as("port %d", port).isEqualTo(503);
				assertThat(refused.body()).isEqualTo("{\"code\":4,\"message\":\"Too many pending connections\"}");
			}
			first.send("40{\"user\":\"alice\"}");
			assertThat(first.next()).startsWith("40{\"sid\"");
			await().atMost(WAIT).until(() -> handshake(this.port, null).statusCode() == 200);
		}
	}

}
