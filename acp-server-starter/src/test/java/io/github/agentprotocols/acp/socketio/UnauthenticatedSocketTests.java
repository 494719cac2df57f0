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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sockets that have not passed the namespace connect, driven by raw Socket.IO packets
 * over long-polling (clients we did not write stop emitting once refused): an event for a
 * namespace the socket never connected to, or was refused, ends its session without
 * effect, as the Node.js server closes the connection ("invalid state"). netty-socketio
 * puts every session in the main namespace without a CONNECT, where such events were
 * dispatched and refused {@code unauthenticated}.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class UnauthenticatedSocketTests {

	@LocalServerPort
	int port;

	@Test
	void socketThatNeverConnectedToTheNamespaceCanDoNothing() throws Exception {
		assertEveryEventEndsTheSession(List.of());
	}

	@Test
	void refusedSocketCanDoNothing() throws Exception {
		for (String auth : List.of("{\"user\":\"mallory\"}", "{\"user\":\"explode\"}", "")) {
			assertEveryEventEndsTheSession(List.of("40" + auth));
		}
	}

	@Test
	void socketRefusedAfterConnectingLosesItsIdentity() throws Exception {
		assertEveryEventEndsTheSession(List.of("40{\"user\":\"alice\"}", "40{\"user\":\"mallory\"}"));
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

	/**
	 * Sends each event after the connects, each answered, in a long-polling session of
	 * its own: the session ends, and the thread is unchanged.
	 */
	private void assertEveryEventEndsTheSession(List<String> connects) throws Exception {
		String thread = new AcpRest(this.port).thread("helper");
		Map<String, String> payloads = Map.of("thread:join", "{\"thread_id\":\"" + thread + "\"}", "message:send",
				"{\"thread_id\":\"" + thread + "\",\"draft\":{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}}",
				"assistant:invoke", "{\"thread_id\":\"" + thread + "\",\"assistant_ids\":[\"helper\"]}", "run:cancel",
				"{\"run_id\":\"run_x\"}", "thread:leave", "{\"thread_id\":\"" + thread + "\"}", "thread:rename", "{}");
		PollingClient client = new PollingClient(this.port);
		for (Map.Entry<String, String> event : payloads.entrySet()) {
			String sid = client.handshake();
			for (String connect : connects) {
				assertThat(client.post(sid, connect).statusCode()).isEqualTo(200);
				assertThat(client.poll(sid).body()).startsWith(connect.contains("alice") ? "40{" : "44{");
			}
			assertThat(client.post(sid, "421[\"" + event.getKey() + "\"," + event.getValue() + "]").statusCode())
				.isEqualTo(200);
			assertThat(client.poll(sid).body()).as(event.getKey()).doesNotContain("431[");
			assertThat(client.post(sid, "2").body()).as(event.getKey())
				.isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
		}
		assertThat(new AcpRest(this.port).events(thread)).map((event) -> event.get("type").stringValue())
			.containsExactly("thread.created", "thread.member_added");
	}

}
