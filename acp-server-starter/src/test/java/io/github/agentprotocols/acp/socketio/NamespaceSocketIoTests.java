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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.testsupport.RecordingSocket.Received;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Namespace mode over Socket.IO (spec §5.3, §5.8) with {@code acp.namespace-keys=org},
 * through the bridge with the Java {@code socket.io-client} on WebSocket, against the
 * fixture of §10: the connect check, isolation of the namespaces, stranded threads and
 * the move of a thread to another namespace.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "acp.namespace-keys=org",
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration" })
class NamespaceSocketIoTests {

	private static final String SYS_A = "{\"role\":\"system\",\"id\":\"sysA\",\"name\":\"sysA\","
			+ "\"metadata\":{\"tenant\":{\"org\":\"A\"}}}";

	@LocalServerPort
	int port;

	@Autowired
	ThreadStore store;

	private AcpRest rest;

	private final List<TestSocket> sockets = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.rest = new AcpRest(this.port);
	}

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	@SpecItem("ACP-10.45")
	void connectIsCheckedAgainstTheNamespaceKeys() {
		assertThat(open("/A", "alice").connectError()).isNull();
		assertThat(open("/B", "alice").connectError()).isEqualTo(AcpJson
			.parse("{\"message\":\"namespace_mismatch: identity missing or mismatched key 'org'\",\"data\":{\"code\":"
					+ "\"namespace_mismatch\",\"message\":\"identity missing or mismatched key 'org'\"}}"));
		for (String path : List.of("/", "/A/", "//A", "/A!", "/" + "A".repeat(33), "/A/X")) {
			JsonNode error = open(path, "alice").connectError();
			assertThat(error).as(path).isNotNull();
			assertThat(error.get("data").get("code").stringValue()).as(path).isEqualTo("namespace_invalid");
			assertThat(error.get("message").stringValue()).as(path)
				.isEqualTo("namespace_invalid: " + error.get("data").get("message").stringValue());
		}
	}

	@Test
	@SpecItem("ACP-10.47")
	void socketsOfEachNamespaceReceiveOnlyTheirOwnOrgsThreads() {
		String threadA = this.rest.thread();
		String threadB = thread("carol", "B");
		TestSocket alice = joined("/A", "alice", threadA);
		TestSocket carol = joined("/B", "carol", threadB);
		assertThat(notFound(alice.emit("thread:join", join(threadB)))).isTrue();
		assertThat(notFound(carol.emit("thread:join", join(threadA)))).isTrue();
		JsonNode inA = this.rest.message("alice", threadA, "for A");
		JsonNode inB = this.rest.message("carol", threadB, "for B");
		assertThat(alice.awaitReceived("event", (event) -> event.get("id").equals(inA.get("id")))).isEqualTo(inA);
		assertThat(carol.awaitReceived("event", (event) -> event.get("id").equals(inB.get("id")))).isEqualTo(inB);
		alice.sync();
		carol.sync();
		assertThat(threadsOf(alice.received())).containsOnly(threadA);
		assertThat(threadsOf(carol.received())).containsOnly(threadB);
	}

	@Test
	@SpecItem("ACP-10.48")
	void strandedThreadIsNotFoundOverSocketIo() {
		String stranded = this.store
			.createThread(new NewThread(TenantScope.PUBLIC, Map.of()), SocketIoTestApplication.users.get("alice"))
			.block()
			.thread()
			.id();
		TestSocket alice = open("/A", "alice").connected();
		assertThat(notFound(alice.emit("thread:join", join(stranded)))).isTrue();
		assertThat(notFound(alice.emit("message:send",
				"{\"thread_id\":\"" + stranded + "\",\"draft\":{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}")))
			.isTrue();
		this.rest.call(HttpMethod.GET, "alice", "/threads/" + stranded, null, 404);
	}

	@Test
	@SpecItem("ACP-10.49")
	void movingAThreadToAnotherOrgKicksTheSocketsOfTheOldNamespaceBeforeAnythingElse() {
		String thread = this.rest.thread();
		this.rest.addMember(thread, SYS_A);
		TestSocket alice = joined("/A", "alice", thread);
		TestSocket carol = open("/B", "carol").connected();
		JsonNode moved = this.rest.call(HttpMethod.PATCH, "sysA", "/threads/" + thread, "{\"tenant\":{\"org\":\"B\"}}",
				200);
		assertThat(moved.get("tenant")).isEqualTo(AcpJson.parse("{\"org\":\"B\"}"));
		alice.awaitReceived("thread:removed", (removed) -> removed.get("thread_id").stringValue().equals(thread));
		alice.sync();
		List<Received> received = alice.received();
		assertThat(received).last()
			.isEqualTo(new Received("thread:removed",
					AcpJson.parse("{\"thread_id\":\"" + thread + "\",\"reason\":\"tenant_changed\"}")));
		assertThat(alice.emit("thread:join", join(thread)).get("error").get("code").stringValue())
			.isEqualTo("not_found");
		this.rest.call(HttpMethod.POST, "sysA", "/threads/" + thread + "/members",
				"{\"identity\":{\"role\":\"user\",\"id\":\"carol\",\"name\":\"carol\"}}", 201);
		JsonNode ack = carol.emit("thread:join", join(thread));
		assertThat(ack.has("error")).as(ack.toString()).isFalse();
		JsonNode inB = this.rest.message("carol", thread, "after the move");
		carol.awaitReceived("event", (event) -> event.get("id").equals(inB.get("id")));
		alice.sync();
		assertThat(alice.received()).isEqualTo(received);
	}

	private TestSocket open(String namespace, String user) {
		TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port + namespace, "websocket", user);
		this.sockets.add(socket);
		return socket;
	}

	private TestSocket joined(String namespace, String user, String thread) {
		TestSocket socket = open(namespace, user).connected();
		JsonNode ack = socket.emit("thread:join", join(thread));
		assertThat(ack.has("error")).as(ack.toString()).isFalse();
		return socket;
	}

	private String thread(String user, String org) {
		return this.rest.call(HttpMethod.POST, user, "/threads", "{\"tenant\":{\"org\":\"" + org + "\"}}", 201)
			.get("id")
			.stringValue();
	}

	private static String join(String thread) {
		return "{\"thread_id\":\"" + thread + "\"}";
	}

	private static boolean notFound(JsonNode ack) {
		return ack.has("error") && ack.get("error").get("code").stringValue().equals("not_found");
	}

	private static List<String> threadsOf(List<Received> received) {
		return received.stream()
			.map((event) -> event.data().get("thread_id"))
			.map((threadId) -> (threadId != null) ? threadId.stringValue() : null)
			.toList();
	}

}
