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
import java.util.stream.IntStream;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code thread:join} with {@code acp.replay-cap=2}: more events after the cursor than
 * the cap replays the newest ones, oldest first, and says so.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.replay-cap=2" })
class ReplayCapTests {

	@LocalServerPort
	int port;

	@Test
	@SpecItem("ACP-10.38")
	void joinBeyondTheCapReplaysTheNewestEventsInAscendingOrder() {
		AcpRest rest = new AcpRest(this.port);
		String thread = rest.thread();
		JsonNode cursor = rest.message("alice", thread, "e0");
		List<String> after = IntStream.rangeClosed(1, 5)
			.mapToObj((i) -> SocketIoContractTests.id(rest.message("alice", thread, "e" + i)))
			.toList();
		try (TestSocket alice = TestSocket.open("http://127.0.0.1:" + this.port, "websocket", "alice").connected()) {
			JsonNode ack = alice.emit("thread:join",
					"{\"thread_id\":\"" + thread + "\",\"since\":" + SocketIoContractTests.cursor(cursor) + "}");
			assertThat(SocketIoContractTests.ids(ack.get("replayed"))).containsExactly(after.get(3), after.get(4));
			assertThat(ack.get("replay_truncated").booleanValue()).isTrue();
			JsonNode within = alice.emit("thread:join", "{\"thread_id\":\"" + thread + "\",\"since\":"
					+ SocketIoContractTests.cursor(rest.events(thread).get(4)) + "}");
			assertThat(within.get("replay_truncated").booleanValue()).isFalse();
		}
	}

}
