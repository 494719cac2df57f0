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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code acp.socketio.allowed-origins=*}, pages of every origin are served, but a
 * wildcard is never paired with credentials: an origin that only the wildcard allows is
 * answered {@code Access-Control-Allow-Origin: *} without
 * {@code Access-Control-Allow-Credentials}, while listed origins and the application's
 * own keep theirs.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0", "acp.socketio.allowed-origins=*,https://app.example" })
class WildcardSocketIoHttpTests extends SocketIoHttpTests {

	@Test
	void everyOriginIsServedWithoutCredentials() {
		for (int port : ports()) {
			HttpResponse<String> foreign = handshake(port, FOREIGN);
			assertThat(foreign.statusCode()).as("port %d", port).isEqualTo(200);
			assertThat(foreign.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
			assertThat(foreign.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
			try (TestSocket socket = TestSocket.open("http://127.0.0.1:" + port, "websocket", "alice",
					Map.of("Origin", List.of(FOREIGN)))) {
				socket.connected();
			}
		}
	}

	@Test
	void listedAndOwnOriginsKeepTheirCredentials() {
		for (int port : ports()) {
			for (String origin : new String[] { "https://app.example", own(port) }) {
				HttpResponse<String> trusted = handshake(port, origin);
				assertThat(trusted.statusCode()).as("%s, port %d", origin, port).isEqualTo(200);
				assertThat(trusted.headers().allValues("Access-Control-Allow-Origin")).containsExactly(origin);
				assertThat(trusted.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
			}
		}
	}

}
