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

import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.wire.AcpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sockets that have not passed the namespace connect, driven by raw Socket.IO packets
 * (clients we did not write stop emitting once refused): every event they emit is refused
 * {@code unauthenticated} and takes no effect, on the main namespace where netty-socketio
 * dispatches events even without a CONNECT.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class UnauthenticatedSocketTests {

	@LocalServerPort
	int port;

	@Test
	void socketThatNeverConnectedToTheNamespaceCanDoNothing() {
		String thread = new AcpRest(this.port).thread("helper");
		try (RawEngineIoSocket socket = RawEngineIoSocket.open(this.port)) {
			assertEveryEventIsRefused(socket, thread);
		}
	}

	@Test
	void refusedSocketCanDoNothing() {
		for (String auth : List.of("{\"user\":\"mallory\"}", "{\"user\":\"explode\"}", "")) {
			String thread = new AcpRest(this.port).thread("helper");
			try (RawEngineIoSocket socket = RawEngineIoSocket.open(this.port)) {
				socket.send("40" + auth);
				assertThat(socket.next()).startsWith("44{");
				assertEveryEventIsRefused(socket, thread);
			}
		}
	}

	@Test
	void socketRefusedAfterConnectingLosesItsIdentity() {
		String thread = new AcpRest(this.port).thread("helper");
		try (RawEngineIoSocket socket = RawEngineIoSocket.open(this.port)) {
			socket.send("40{\"user\":\"alice\"}");
			assertThat(socket.next()).startsWith("40{\"sid\"");
			socket.send("40{\"user\":\"mallory\"}");
			assertThat(socket.next()).startsWith("44{");
			assertEveryEventIsRefused(socket, thread);
		}
	}

	@Test
	void authThatIsNotAnObjectCountsAsEmpty() {
		try (RawEngineIoSocket socket = RawEngineIoSocket.open(this.port)) {
			socket.send("40\"alice\"");
			assertThat(AcpJson.parse(socket.next().substring(2))).isEqualTo(AcpJson
				.parse("{\"message\":\"unauthenticated\",\"data\":{\"code\":\"unauthenticated\",\"message\":\"\"}}"));
			socket.send("40{\"user\":\"alice\"}");
			assertThat(socket.next()).startsWith("40{\"sid\"");
		}
	}

	private void assertEveryEventIsRefused(RawEngineIoSocket socket, String thread) {
		Map<String, String> payloads = Map.of("thread:join", "{\"thread_id\":\"" + thread + "\"}", "message:send",
				"{\"thread_id\":\"" + thread + "\",\"draft\":{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}}",
				"assistant:invoke", "{\"thread_id\":\"" + thread + "\",\"assistant_ids\":[\"helper\"]}", "run:cancel",
				"{\"run_id\":\"run_x\"}", "thread:leave", "{\"thread_id\":\"" + thread + "\"}", "thread:rename", "{}");
		int ack = 0;
		for (Map.Entry<String, String> event : payloads.entrySet()) {
			ack++;
			socket.send("42" + ack + "[\"" + event.getKey() + "\"," + event.getValue() + "]");
			String reply = socket.next();
			assertThat(reply).as(event.getKey()).startsWith("43" + ack + "[");
			JsonNode error = AcpJson.parse(reply.substring(("43" + ack).length())).get(0).get("error");
			assertThat(error.get("code").stringValue()).as(event.getKey()).isEqualTo("unauthenticated");
		}
		AcpRest rest = new AcpRest(this.port);
		assertThat(rest.events(thread)).map((event) -> event.get("type").stringValue())
			.containsExactly("thread.created", "thread.member_added");
		rest.message("alice", thread, "after");
		socket.send("429[\"thread:leave\",{\"thread_id\":\"" + thread + "\"}]");
		assertThat(socket.next()).as("nothing but the acknowledgement").startsWith("439[");
	}

}
