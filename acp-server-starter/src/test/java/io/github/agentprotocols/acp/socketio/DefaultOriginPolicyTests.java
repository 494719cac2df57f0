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

/**
 * Without {@code acp.socketio.allowed-origins}, only pages of the application's own
 * origin, and clients that are no browser, reach the Socket.IO server, on both ports: the
 * reference's default, every origin reflected with credentials, let any website act with
 * a visitor's cookies.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0" })
class DefaultSocketIoHttpTests extends SocketIoHttpTests {

	@Test
	void pagesOfOtherOriginsAreRefusedOnBothTransportsAndPorts() {
		for (int port : ports()) {
			assertThat(handshake(port, FOREIGN).statusCode()).as("polling, port %d", port).isEqualTo(403);
			assertThat(upgrade(port, FOREIGN)).as("WebSocket, port %d", port).isEqualTo(403);
		}
	}

	@Test
	void pagesOfTheApplicationsOwnOriginAndClientsWithoutOriginAreServed() {
		for (int port : ports()) {
			HttpResponse<String> own = handshake(port, own(port));
			assertThat(own.statusCode()).as("own origin, port %d", port).isEqualTo(200);
			assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).hasValue(own(port));
			assertThat(handshake(port, null).statusCode()).as("no origin, port %d", port).isEqualTo(200);
		}
	}

}
