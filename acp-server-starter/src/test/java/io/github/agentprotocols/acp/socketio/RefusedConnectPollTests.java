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
import java.net.http.HttpTimeoutException;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused CONNECT, then in the same long-polling payload an event with an
 * acknowledgement id netty-socketio cannot write back: the finding of
 * {@code SocketIoNamespaceFuzzTests} ({@code 40/A,"us}, then two events whose bytes
 * before the {@code [} it read as an id of eleven digits), and the same with the id in
 * digits ({@code 40/A,{}}, {@code 4212345678901["x"]}). The acknowledgement's encoding
 * failed once it had taken the session's queued packets, the CONNECT_ERROR among them,
 * and marked the poll answered, so the poll waited until the client gave up whenever the
 * CONNECT_ERROR was still queued when the acknowledgement came; each input runs a hundred
 * times.
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.namespace-keys=org", "acp.socketio.max-pending-connections=1000000",
				"acp.socketio.connect-timeout=5s" })
class RefusedConnectPollTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "34302f412c2275731e34322f41650000000000000000412c2275731e34322f41650000006500007d5b",
			"34302f412c7b7d1e343231323334353637383930315b2278225d" })
	void pollAfterARefusedConnectIsAnswered(String hex) throws Exception {
		byte[] payload = HexFormat.of().parseHex(hex);
		PollingClient client = new PollingClient(this.port);
		for (int i = 0; i < 100; i++) {
			String sid = client.handshake();
			assertThat(client.post(sid, payload).statusCode()).isIn(200, 400);
			try {
				HttpResponse<String> poll = client.poll(sid);
				assertThat(poll.statusCode()).isIn(200, 400);
			}
			catch (HttpTimeoutException ex) {
				throw new AssertionError("run " + i + ": the poll was not answered", ex);
			}
		}
	}

}
