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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.agentprotocols.acp.AcpAction;
import io.github.agentprotocols.acp.socketio.SocketIoTestApplication.DenyingAuthorizer;
import io.github.agentprotocols.testsupport.RecordingSocket.Received;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Socket.IO transport of spec §5 through the bridge on the application's port, driven
 * by the Java {@code socket.io-client} (a client we did not write) on one transport,
 * against the fixture of §10: each subclass runs every test on its transport.
 */
abstract class SocketIoContractTests {

	@LocalServerPort
	int port;

	@Autowired
	DenyingAuthorizer authorizer;

	AcpRest rest;

	private final List<TestSocket> sockets = new ArrayList<>();

	/**
	 * The transport the client is limited to.
	 * @return {@code websocket} or {@code polling}
	 */
	abstract String transport();

	/**
	 * Where the sockets connect.
	 * @return the application's URL, through the bridge, unless overridden
	 */
	String socketUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	@BeforeEach
	void setUp() {
		this.rest = new AcpRest(this.port);
	}

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(TestSocket::close);
		this.authorizer.denied.clear();
	}

	TestSocket open(String user) {
		TestSocket socket = TestSocket.open(socketUrl(), transport(), user);
		this.sockets.add(socket);
		return socket;
	}

	TestSocket joined(String user, String thread) {
		TestSocket socket = open(user).connected();
		JsonNode ack = socket.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
		assertThat(ack.has("error")).as(ack.toString()).isFalse();
		return socket;
	}

	@Test
	@SpecItem("ACP-10.35")
	void connectWithoutAKnownCallerIsRefusedUnauthenticated() {
		for (String user : new String[] { null, "mallory" }) {
			TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port, transport(), user);
			this.sockets.add(socket);
			JsonNode error = socket.connectError();
			assertThat(error).isNotNull();
			assertThat(error.get("message").stringValue()).isEqualTo("unauthenticated");
			assertThat(error.get("data").get("code").stringValue()).isEqualTo("unauthenticated");
			assertThat(error.get("data").get("message").stringValue()).isEmpty();
		}
	}

	@Test
	void failingAuthenticatorRefusesTheConnectWithInternalError() {
		JsonNode error = open("explode").connectError();
		assertThat(error).isNotNull();
		assertThat(error.get("message").stringValue()).isEqualTo("internal_error");
		assertThat(error.get("data").get("code").stringValue()).isEqualTo("internal_error");
	}

	@Test
	void identityNoStoreCanKeepRefusesTheConnectAsAnInvalidRequest() {
		// found by the wire fuzzing on PostgreSQL: a NUL in auth.user reached the store
		// with the first thread:join, answered internal_error and logged at ERROR
		JsonNode error = open("nul").connectError();
		assertThat(error).isNotNull();
		assertThat(error.get("message").stringValue())
			.isEqualTo("invalid_request: identity must not contain NUL characters");
		assertThat(error.get("data").get("code").stringValue()).isEqualTo("invalid_request");
		assertThat(error.get("data").get("message").stringValue())
			.isEqualTo("identity must not contain NUL characters");
	}

	@Test
	void namespaceOtherThanTheMainOneGetsTheStandardRefusal() {
		TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port + "/other", transport(), "alice");
		this.sockets.add(socket);
		assertThat(socket.connectError()).isEqualTo(json("{\"message\":\"Invalid namespace\"}"));
	}

	@Test
	@SpecItem("ACP-10.36")
	@SpecItem("ACP-10.17")
	void joinWithoutCursorReplaysNothingThenRestMessagesArriveOnEveryJoinedSocket() {
		String thread = this.rest.thread();
		this.rest.addUser(thread, "bob");
		TestSocket alice = open("alice").connected();
		JsonNode ack = alice.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
		assertThat(ack)
			.isEqualTo(json("{\"thread_id\":\"" + thread + "\",\"replayed\":[],\"replay_truncated\":false}"));
		TestSocket bob = joined("bob", thread);
		JsonNode posted = this.rest.message("alice", thread, "hi");
		for (TestSocket socket : List.of(alice, bob)) {
			assertThat(socket.awaitReceived("event", (event) -> event.get("id").equals(posted.get("id"))))
				.isEqualTo(posted);
		}
	}

	@Test
	@SpecItem("ACP-10.37")
	void joinWithCursorReplaysTheEventsStrictlyAfterIt() {
		String thread = this.rest.thread();
		List<JsonNode> messages = IntStream.range(0, 3)
			.mapToObj((i) -> this.rest.message("alice", thread, "m" + i))
			.toList();
		TestSocket alice = open("alice").connected();
		JsonNode ack = alice.emit("thread:join",
				"{\"thread_id\":\"" + thread + "\",\"since\":" + cursor(messages.get(0)) + "}");
		assertThat(ids(ack.get("replayed"))).containsExactly(id(messages.get(1)), id(messages.get(2)));
		assertThat(ack.get("replay_truncated").booleanValue()).isFalse();
		JsonNode future = alice.emit("thread:join", "{\"thread_id\":\"" + thread
				+ "\",\"since\":{\"created_at\":\"9999-01-01T00:00:00.000000Z\",\"id\":\"x\"}}");
		assertThat(future.get("replayed").isEmpty()).isTrue();
	}

	@Test
	@SpecItem("ACP-10.39")
	void joinRefusalsFollowTheGateOrder() {
		String thread = this.rest.thread();
		TestSocket alice = open("alice").connected();
		assertThat(errorCode(alice.emit("thread:join", "{}"))).isEqualTo("invalid_request");
		assertThat(errorCode(alice.emit("thread:join", "{\"thread_id\":\"th_missing\"}"))).isEqualTo("not_found");
		assertThat(errorCode(open("carol").connected().emit("thread:join", "{\"thread_id\":\"" + thread + "\"}")))
			.isEqualTo("not_found");
		assertThat(errorCode(open("bob").connected().emit("thread:join", "{\"thread_id\":\"" + thread + "\"}")))
			.isEqualTo("forbidden");
		assertThat(errorCode(alice.emit("thread:join", "{\"thread_id\":\"" + thread + "\",\"since\":{\"id\":\"x\"}}")))
			.isEqualTo("invalid_request");
		this.authorizer.denied.add(AcpAction.THREAD_READ);
		JsonNode denied = alice.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
		assertThat(errorCode(denied)).isEqualTo("forbidden");
		assertThat(denied.get("error").get("message").stringValue()).isEqualTo("not authorized: thread.read");
	}

	@Test
	void refusedJoinLeavesTheSocketOutOfTheRoom() {
		String thread = this.rest.thread();
		this.rest.addUser(thread, "bob");
		this.authorizer.denied.add(AcpAction.THREAD_READ);
		TestSocket bob = open("bob").connected();
		assertThat(errorCode(bob.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}"))).isEqualTo("forbidden");
		this.authorizer.denied.clear();
		TestSocket alice = joined("alice", thread);
		JsonNode posted = this.rest.message("alice", thread, "hi");
		alice.awaitReceived("event", (event) -> event.get("id").equals(posted.get("id")));
		bob.sync();
		assertThat(bob.received()).isEmpty();
	}

	@Test
	@SpecItem("ACP-10.40")
	void sentMessageIsAcknowledgedAndPushedToTheRoomSenderIncluded() {
		Room room = room();
		String send = "{\"thread_id\":\"" + room.thread()
				+ "\",\"draft\":{\"client_id\":\"c1\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}";
		JsonNode event = room.alice().emit("message:send", send).get("event");
		assertThat(event.get("author").get("id").stringValue()).isEqualTo("alice");
		assertThat(event.get("client_id").stringValue()).isEqualTo("c1");
		for (TestSocket socket : List.of(room.alice(), room.bob())) {
			assertThat(socket.awaitReceived("event", (pushed) -> pushed.get("id").equals(event.get("id"))))
				.isEqualTo(event);
		}
		assertThat(room.alice().emit("message:send", send).get("event")).isEqualTo(event);
		room.alice().sync();
		assertThat(room.alice().received("event")).hasSize(1);
		assertThat(errorCode(room.alice().emit("message:send", "{\"thread_id\":\"" + room.thread() + "\"}")))
			.isEqualTo("invalid_request");
		assertThat(errorCode(room.alice()
			.emit("message:send",
					"{\"thread_id\":\"" + room.thread() + "\",\"draft\":{\"content\":[{\"type\":\"video\"}]}}")))
			.isEqualTo("invalid_request");
	}

	/**
	 * Messages emitted at once, which a long-polling client sends several to a request
	 * body: every one is stored and pushed.
	 */
	@Test
	void messagesSentAtOnceAreAllPushedToTheRoom() {
		Room room = room();
		List<String> sent = IntStream.range(0, 30).mapToObj((i) -> "burst-" + i).toList();
		for (String clientId : sent) {
			room.alice()
				.emitWithoutAck("message:send", "{\"thread_id\":\"" + room.thread() + "\",\"draft\":{\"client_id\":\""
						+ clientId + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + clientId + "\"}]}}");
		}
		await().atMost(60, TimeUnit.SECONDS).until(() -> clientIds(room.bob()).size() >= sent.size());
		assertThat(clientIds(room.bob())).containsExactlyInAnyOrderElementsOf(sent);
	}

	private static List<String> clientIds(TestSocket socket) {
		return socket.received("event").stream().map((event) -> event.get("client_id").stringValue()).toList();
	}

	@Test
	@SpecItem("ACP-10.41")
	@SpecItem("ACP-10.20")
	void invocationIsAcknowledgedWithItsRunsWhoseLifeTheRoomSees() {
		String thread = this.rest.thread("helper");
		TestSocket alice = joined("alice", thread);
		JsonNode runs = alice
			.emit("assistant:invoke", "{\"thread_id\":\"" + thread + "\",\"assistant_ids\":[\"helper\"],\"extra\":1}")
			.get("runs");
		assertThat(runs).hasSize(1);
		String run = runs.get(0).get("id").stringValue();
		assertThat(runs.get(0).get("status").stringValue()).isIn("pending", "running");
		alice.awaitReceived("run:updated", (updated) -> updated.get("status").stringValue().equals("completed"));
		alice.sync();
		assertThat(alice.received("run:updated")).map((updated) -> updated.get("status").stringValue())
			.containsExactly("pending", "running", "completed");
		assertThat(alice.received("event"))
			.allSatisfy((event) -> assertThat(event.get("run_id").stringValue()).isEqualTo(run))
			.map((event) -> event.get("type").stringValue())
			.containsExactly("run.started", "reasoning", "tool.call", "tool.result", "message", "run.completed");
		assertThat(errorCode(
				alice.emit("assistant:invoke", "{\"thread_id\":\"" + thread + "\",\"assistant_ids\":[\"nope\"]}")))
			.isEqualTo("not_found");
		assertThat(errorCode(alice.emit("assistant:invoke", "{\"thread_id\":\"" + thread + "\",\"assistant_ids\":[]}")))
			.isEqualTo("invalid_request");
	}

	@Test
	@SpecItem("ACP-10.29")
	void cancelAnswersWhetherTheRunWasActive() {
		String thread = this.rest.thread("slow");
		TestSocket alice = joined("alice", thread);
		String run = runningSlow(alice, thread);
		assertThat(alice.emit("run:cancel", "{\"run_id\":\"" + run + "\"}"))
			.isEqualTo(json("{\"run_id\":\"" + run + "\",\"cancelled\":true}"));
		alice.awaitReceived("run:updated", (updated) -> updated.get("status").stringValue().equals("cancelled"));
		assertThat(alice.emit("run:cancel", "{\"run_id\":\"" + run + "\"}"))
			.isEqualTo(json("{\"run_id\":\"" + run + "\",\"cancelled\":false}"));
		assertThat(errorCode(alice.emit("run:cancel", "{\"run_id\":\"run_missing\"}"))).isEqualTo("not_found");
		assertThat(errorCode(open("carol").connected().emit("run:cancel", "{\"run_id\":\"" + run + "\"}")))
			.isEqualTo("not_found");
	}

	@Test
	@SpecItem("ACP-10.42")
	void leavingStopsTheThreadsEventsAndAnyThreadCanBeLeft() {
		String thread = this.rest.thread();
		TestSocket alice = joined("alice", thread);
		assertThat(alice.emit("thread:leave", "{\"thread_id\":\"" + thread + "\"}"))
			.isEqualTo(json("{\"thread_id\":\"" + thread + "\",\"left\":true}"));
		this.rest.message("alice", thread, "after");
		assertThat(alice.emit("thread:leave", "{\"thread_id\":\"th_never\"}"))
			.isEqualTo(json("{\"thread_id\":\"th_never\",\"left\":true}"));
		assertThat(alice.received()).isEmpty();
		assertThat(errorCode(alice.emit("thread:leave", "{}"))).isEqualTo("invalid_request");
	}

	@Test
	@SpecItem("ACP-10.43")
	void unknownEventIsRefusedThroughItsAcknowledgement() {
		TestSocket alice = open("alice").connected();
		JsonNode ack = alice.emit("thread:rename", "{\"thread_id\":\"x\"}");
		assertThat(errorCode(ack)).isEqualTo("invalid_request");
		alice.emitWithoutAck("thread:rename", "{}");
		alice.sync();
		assertThat(alice.isConnected()).isTrue();
	}

	@Test
	void payloadThatIsNotAnObjectIsInvalid() {
		TestSocket alice = open("alice").connected();
		for (String event : SocketIoEvents.NAMES) {
			assertThat(errorCode(alice.emit(event, "th_1"))).as(event).isEqualTo("invalid_request");
			assertThat(errorCode(alice.emit(event, 42))).as(event).isEqualTo("invalid_request");
		}
	}

	@Test
	@SpecItem("ACP-10.11")
	void metadataPatchReachesJoinedSocketsAsThreadUpdated() {
		String thread = this.rest.thread();
		TestSocket alice = joined("alice", thread);
		JsonNode patched = this.rest.call(HttpMethod.PATCH, "alice", "/threads/" + thread, "{\"metadata\":{\"x\":1}}",
				200);
		assertThat(alice.awaitReceived("thread:updated", (updated) -> true)).isEqualTo(patched);
		alice.sync();
		assertThat(alice.received("event")).isEmpty();
	}

	@Test
	@SpecItem("ACP-10.12")
	void tenantChangeRemovesTheSocketsThatNoLongerSeeTheThreadBeforeAnnouncingIt() {
		Room room = room();
		JsonNode patched = this.rest.call(HttpMethod.PATCH, "alice", "/threads/" + room.thread(),
				"{\"tenant\":{\"org\":\"A\",\"ws\":\"X\"}}", 200);
		room.alice().awaitReceived("thread:updated", (updated) -> updated.equals(patched));
		assertThat(names(room.alice().received())).containsExactly("event", "thread:updated");
		assertThat(room.alice().received("event").get(0).get("type").stringValue()).isEqualTo("thread.tenant_changed");
		room.bob().sync();
		assertThat(room.bob().received()).map(Received::event).containsExactly("thread:removed");
		assertThat(room.bob().received("thread:removed").get(0))
			.isEqualTo(json("{\"thread_id\":\"" + room.thread() + "\",\"reason\":\"tenant_changed\"}"));
		assertThat(room.bob().isConnected()).isTrue();
	}

	@Test
	@SpecItem("ACP-10.15")
	void newMemberIsAnnouncedWithTheIdentitiesOfAllMembers() {
		String thread = this.rest.thread();
		TestSocket alice = joined("alice", thread);
		this.rest.addMember(thread, "{\"role\":\"user\",\"id\":\"bob\",\"name\":\"Bob\",\"metadata\":{}}");
		JsonNode members = alice.awaitReceived("members:updated", (updated) -> true);
		assertThat(members.get("thread_id").stringValue()).isEqualTo(thread);
		assertThat(members.get("members")).containsExactly(json(
				"{\"role\":\"user\",\"id\":\"alice\",\"name\":\"alice\",\"metadata\":{\"tenant\":{\"org\":\"A\",\"ws\":\"X\"}}}"),
				json("{\"role\":\"user\",\"id\":\"bob\",\"name\":\"Bob\",\"metadata\":{}}"));
		this.rest.call(HttpMethod.POST, "alice", "/threads/" + thread + "/members",
				"{\"identity\":{\"role\":\"user\",\"id\":\"bob\",\"name\":\"Bob\",\"metadata\":{}}}", 200);
		alice.sync();
		assertThat(alice.received("members:updated")).hasSize(1);
	}

	@Test
	@SpecItem("ACP-10.16")
	void removedMemberSeesItsRemovalThenLeavesTheRoomAndCannotRejoin() {
		Room room = room();
		this.rest.call(HttpMethod.DELETE, "alice", "/threads/" + room.thread() + "/members/bob", null, 204);
		room.bob().awaitReceived("thread:removed", (removed) -> true);
		assertThat(names(room.bob().received())).containsExactly("event", "members:updated", "thread:removed");
		assertThat(room.bob().received("event").get(0).get("type").stringValue()).isEqualTo("thread.member_removed");
		assertThat(room.bob().received("thread:removed").get(0))
			.isEqualTo(json("{\"thread_id\":\"" + room.thread() + "\",\"reason\":\"member_removed\"}"));
		JsonNode after = this.rest.message("alice", room.thread(), "after");
		room.alice().awaitReceived("event", (event) -> event.get("id").equals(after.get("id")));
		room.bob().sync();
		assertThat(room.bob().received()).hasSize(3);
		assertThat(errorCode(room.bob().emit("thread:join", "{\"thread_id\":\"" + room.thread() + "\"}")))
			.isEqualTo("forbidden");
	}

	@Test
	@SpecItem("ACP-10.50")
	void concurrentPostsReachEveryJoinedSocketInLogOrder() throws Exception {
		String thread = this.rest.thread();
		this.rest.addUser(thread, "bob");
		List<TestSocket> joined = List.of(joined("alice", thread), joined("alice", thread), joined("bob", thread));
		ExecutorService posters = Executors.newFixedThreadPool(5);
		try {
			List<Future<?>> posts = new ArrayList<>();
			for (int client = 0; client < 5; client++) {
				String user = (client % 2 == 0) ? "alice" : "bob";
				int poster = client;
				posts.add(posters.submit(() -> IntStream.range(0, 10)
					.forEach((i) -> this.rest.message(user, thread, "p" + poster + "-" + i))));
			}
			for (Future<?> post : posts) {
				post.get();
			}
		}
		finally {
			posters.shutdown();
		}
		List<String> log = this.rest.events(thread)
			.stream()
			.filter((event) -> event.get("type").stringValue().equals("message"))
			.map(SocketIoContractTests::id)
			.toList();
		assertThat(log).hasSize(50).doesNotHaveDuplicates();
		for (TestSocket socket : joined) {
			socket.awaitReceived("event", (event) -> id(event).equals(log.get(49)));
			assertThat(socket.received("event")).map(SocketIoContractTests::id).containsExactlyElementsOf(log);
		}
	}

	@Test
	@SpecItem("ACP-10.52")
	void deletingAThreadRemovesEverySocketFromItsRoom() {
		Room room = room("slow");
		String run = runningSlow(room.alice(), room.thread());
		this.rest.call(HttpMethod.DELETE, "alice", "/threads/" + room.thread(), null, 204);
		for (TestSocket socket : List.of(room.alice(), room.bob())) {
			assertThat(socket.awaitReceived("thread:removed", (removed) -> true))
				.isEqualTo(json("{\"thread_id\":\"" + room.thread() + "\",\"reason\":\"deleted\"}"));
		}
		this.rest.call(HttpMethod.GET, "alice", "/runs/" + run, null, 404);
		room.alice().sync();
		assertThat(room.alice().received("run:updated")).map((updated) -> updated.get("status").stringValue())
			.containsExactly("pending", "running");
		assertThat(errorCode(room.alice().emit("thread:join", "{\"thread_id\":\"" + room.thread() + "\"}")))
			.isEqualTo("not_found");
	}

	/**
	 * A thread of alice's with bob and the given assistants as members, and a socket of
	 * alice and one of bob joined to it.
	 */
	Room room(String... assistants) {
		String thread = this.rest.thread(assistants);
		this.rest.addUser(thread, "bob");
		return new Room(thread, joined("alice", thread), joined("bob", thread));
	}

	/**
	 * Invokes {@code slow} over a socket and waits until its run is running.
	 */
	static String runningSlow(TestSocket socket, String thread) {
		String run = socket.emit("assistant:invoke", "{\"thread_id\":\"" + thread + "\",\"assistant_ids\":[\"slow\"]}")
			.get("runs")
			.get(0)
			.get("id")
			.stringValue();
		socket.awaitReceived("run:updated",
				(updated) -> id(updated).equals(run) && updated.get("status").stringValue().equals("running"));
		return run;
	}

	static JsonNode json(String text) {
		return io.github.agentprotocols.acp.wire.AcpJson.parse(text);
	}

	static String errorCode(JsonNode ack) {
		assertThat(ack.has("error")).as(ack.toString()).isTrue();
		return ack.get("error").get("code").stringValue();
	}

	static String id(JsonNode event) {
		return event.get("id").stringValue();
	}

	static List<String> ids(JsonNode events) {
		return events.valueStream().map(SocketIoContractTests::id).toList();
	}

	static String cursor(JsonNode event) {
		return "{\"created_at\":\"" + event.get("created_at").stringValue() + "\",\"id\":\"" + id(event) + "\"}";
	}

	static List<String> names(List<Received> received) {
		return received.stream().map(Received::event).toList();
	}

	record Room(String thread, TestSocket alice, TestSocket bob) {

	}

}
