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
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.acp.wire.AcpJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the namespace CONNECT in namespace mode
 * ({@code acp.namespace-keys=org}, spec §5.3): after a real handshake over long-polling,
 * a CONNECT packet whose namespace and auth are the input ({@code 40} followed by it, so
 * {@code /A,{"user":"alice"}} connects alice to her org's namespace). The POST is
 * answered {@code ok} or Engine.IO's 400; the next poll answers each CONNECT with
 * {@code 40} or a {@code 44} connect error carrying a message and a code; nothing is
 * logged at ERROR; and a well-behaved client still connects afterwards.
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.namespace-keys=org", "acp.socketio.max-pending-connections=1000000",
				"acp.socketio.connect-timeout=5s" })
class SocketIoNamespaceFuzzTests {

	/**
	 * What a poll may carry: CONNECT answers, a namespace's or the session's end (after a
	 * CLOSE the input sent), a noop, a ping, the pong to a ping and the acknowledgement
	 * of an event the input sent.
	 */
	private static final Pattern ANSWER = Pattern
		.compile("4[04](/[^,]*,)?\\{.*|41(/[^,]*,)?|43(/[^,]*,)?\\d*\\[.*|1|6|[23].*", Pattern.DOTALL);

	private static final Pattern ENGINE_IO_ERROR = Pattern.compile("\\{\"code\":\\d+,\"message\":\"[^\"]*\"}");

	private static @Nullable ErrorLog errors;

	private static int inputs;

	@LocalServerPort
	int port;

	@FuzzTest
	void namespaceConnect(byte[] input) throws Exception {
		PollingClient.allowLoopbackConnections();
		PollingClient client = new PollingClient(this.port);
		String sid = client.handshake();
		byte[] packet = new byte[input.length + 2];
		packet[0] = '4';
		packet[1] = '0';
		System.arraycopy(input, 0, packet, 2, input.length);
		String description = "'40" + new String(input, StandardCharsets.UTF_8) + "'";
		HttpResponse<String> answer = client.post(sid, packet);
		assertThat(answer.statusCode()).as(description + " -> " + answer.body()).isIn(200, 400);
		if (answer.statusCode() == 200) {
			HttpResponse<String> poll;
			try {
				poll = client.poll(sid);
			}
			catch (HttpTimeoutException ex) {
				throw new AssertionError("no answer to the poll after " + description, ex);
			}
			assertThat(poll.statusCode()).as(description + " -> " + poll.body()).isIn(200, 400);
			if (poll.statusCode() == 200) {
				for (String received : poll.body().split("\u001e")) {
					assertThat(received).as(description + " -> " + poll.body()).matches(ANSWER);
					if (received.startsWith("44")) {
						String data = received.startsWith("44/") ? received.substring(received.indexOf(',') + 1)
								: received.substring(2);
						JsonNode error = AcpJson.mapper().readTree(data);
						assertThat(error.path("message").isString()).as(description + " -> " + received).isTrue();
						assertThat(error.path("data").path("code").isString()).as(description + " -> " + received)
							.isTrue();
					}
				}
			}
			else {
				assertThat(poll.body()).as(description).matches(ENGINE_IO_ERROR);
			}
			client.post(sid, "1");
		}
		else {
			assertThat(answer.body()).as(description).matches(ENGINE_IO_ERROR);
		}
		if (errors == null) {
			errors = ErrorLog.attach();
		}
		assertThat(errors.drain()).as("errors logged for " + description).isEmpty();
		if (inputs++ % 20 == 0) {
			client.connectWellBehaved("/A");
		}
	}

}
