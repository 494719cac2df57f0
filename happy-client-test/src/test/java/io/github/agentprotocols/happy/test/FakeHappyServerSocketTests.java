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

package io.github.agentprotocols.happy.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Socket.IO over a real connection (spec §5): the handshake's errors, what each client
 * type receives, update containers, and the client events with their acks.
 */
class FakeHappyServerSocketTests {

	private static FakeHappyServer server;

	private String token;

	private Rest rest;

	private String sessionId;

	private OpenSockets sockets;

	@BeforeAll
	static void start() {
		server = FakeHappyServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void account() {
		this.token = new TestKeys().login(server);
		this.rest = new Rest(server.url(), this.token);
		this.sessionId = createSession("main");
		this.sockets = new OpenSockets(server, this.token);
	}

	@AfterEach
	void closeSockets() {
		this.sockets.close();
		// A close reaches the server later: the next test starts without these sockets.
		await().atMost(Duration.ofSeconds(20)).until(() -> server.connectedSockets() == 0);
	}

	@Test
	void handshakeErrorsUseTheServerMessages() {
		assertThat(error(null)).isEqualTo("Missing authentication token");
		assertThat(error(Map.of("clientType", "user-scoped"))).isEqualTo("Missing authentication token");
		assertThat(error(Map.of("token", "nonsense"))).isEqualTo("Invalid authentication token");
		assertThat(error(Map.of("token", this.token, "clientType", "session-scoped")))
			.isEqualTo("Session ID required for session-scoped clients");
		assertThat(error(Map.of("token", this.token, "clientType", "machine-scoped")))
			.isEqualTo("Machine ID required for machine-scoped clients");
		assertThat(server.connectedSockets()).isZero();
	}

	@Test
	void refusedSocketIsNotServed() {
		HappySocket refused = this.sockets.track(HappySocket.open(server.url(), Map.of("token", "nonsense")));
		assertThat(refused.connectError()).isNotNull();
		CompletableFuture<JsonNode> ack = refused.emitAsync("update-metadata",
				"{\"sid\":\"" + this.sessionId + "\",\"metadata\":\"eA==\",\"expectedVersion\":0}");
		HappySocket user = this.sockets.user();
		user.sync();
		assertThat(ack).isNotDone();
		assertThat(this.rest.get("/v1/sessions").json().get("sessions").get(0).get("metadataVersion").asLong())
			.isZero();
	}

	@Test
	void userScopedSeesNewSessionsButSessionScopedDoesNot() {
		HappySocket user = this.sockets.user();
		HappySocket scoped = this.sockets.session(this.sessionId);
		String created = createSession("other");
		JsonNode body = user.awaitUpdate("new-session");
		assertThat(body.get("id").asString()).isEqualTo(created);
		assertThat(body.get("metadataVersion").asLong()).isZero();
		assertThat(body.has("agentState")).isTrue();
		assertThat(body.get("agentState").isNull()).isTrue();
		scoped.sync();
		assertThat(scoped.updates()).isEmpty();
	}

	@Test
	void updateContainersCarryAPerAccountSeq() {
		HappySocket user = this.sockets.user();
		createSession("s1");
		createSession("s2");
		user.sync();
		List<JsonNode> updates = user.received("update");
		assertThat(updates).hasSize(2);
		long first = updates.get(0).get("seq").asLong();
		assertThat(updates.get(1).get("seq").asLong()).isEqualTo(first + 1);
		assertThat(updates.get(0).get("id").asString()).matches("[A-Za-z0-9]{12}");
		assertThat(updates.get(0).has("createdAt")).isTrue();
	}

	@Test
	void updateMetadataAcksSuccessThenVersionMismatch() {
		HappySocket user = this.sockets.user();
		HappySocket scoped = this.sockets.session(this.sessionId);
		JsonNode success = user.emit("update-metadata", metadataUpdate("bmV3", 0));
		assertThat(success.get("result").asString()).isEqualTo("success");
		assertThat(success.get("version").asLong()).isEqualTo(1);
		assertThat(success.get("metadata").asString()).isEqualTo("bmV3");
		JsonNode update = scoped.awaitUpdate("update-session");
		assertThat(update.get("id").asString()).isEqualTo(this.sessionId);
		assertThat(update.get("metadata").get("version").asLong()).isEqualTo(1);
		assertThat(update.has("agentState")).isFalse();
		JsonNode mismatch = user.emit("update-metadata", metadataUpdate("c3RhbGU=", 0));
		assertThat(mismatch.get("result").asString()).isEqualTo("version-mismatch");
		assertThat(mismatch.get("version").asLong()).isEqualTo(1);
		assertThat(mismatch.get("metadata").asString()).isEqualTo("bmV3");
	}

	@Test
	void updateMetadataWithoutVersionIsAnError() {
		JsonNode ack = this.sockets.user()
			.emit("update-metadata", "{\"sid\":\"" + this.sessionId + "\",\"metadata\":\"eA==\"}");
		assertThat(ack).isEqualTo(HappySocket.parse("{\"result\":\"error\"}"));
	}

	@SpecItem("HAPPY-11.5")
	@Test
	void updateMetadataOfUnknownOrForeignSessionIsNeverAcked() {
		HappySocket user = this.sockets.user();
		CompletableFuture<JsonNode> unknown = user.emitAsync("update-metadata",
				"{\"sid\":\"unknown\",\"metadata\":\"eA==\",\"expectedVersion\":0}");
		HappySocket stranger = this.sockets.track(HappySocket.user(server, new TestKeys().login(server)));
		CompletableFuture<JsonNode> foreign = stranger.emitAsync("update-metadata", metadataUpdate("eA==", 0));
		user.sync();
		stranger.sync();
		assertThat(unknown).isNotDone();
		assertThat(foreign).isNotDone();
	}

	@Test
	void updateStateAcksWithAgentState() {
		HappySocket scoped = this.sockets.session(this.sessionId);
		JsonNode ack = scoped.emit("update-state",
				"{\"sid\":\"" + this.sessionId + "\",\"agentState\":\"c3Q=\",\"expectedVersion\":0}");
		assertThat(ack.get("result").asString()).isEqualTo("success");
		assertThat(ack.get("agentState").asString()).isEqualTo("c3Q=");
		JsonNode mismatch = scoped.emit("update-state",
				"{\"sid\":\"" + this.sessionId + "\",\"agentState\":null,\"expectedVersion\":0}");
		assertThat(mismatch.get("result").asString()).isEqualTo("version-mismatch");
		assertThat(mismatch.get("version").asLong()).isEqualTo(1);
		JsonNode session = this.rest.get("/v1/sessions").json().get("sessions").get(0);
		assertThat(session.get("agentState").asString()).isEqualTo("c3Q=");
		assertThat(session.get("agentStateVersion").asLong()).isEqualTo(1);
	}

	@Test
	void socketMessageIsNotEchoedToItsSender() {
		HappySocket user = this.sockets.user();
		HappySocket agent = this.sockets.session(this.sessionId);
		agent.emitWithoutAck("message", "{\"sid\":\"" + this.sessionId + "\",\"message\":\"aGk=\",\"localId\":\"l\"}");
		JsonNode received = user.awaitUpdate("new-message");
		assertThat(received.get("sid").asString()).isEqualTo(this.sessionId);
		assertThat(received.get("message").get("seq").asLong()).isEqualTo(1);
		assertThat(received.get("message").get("content").get("c").asString()).isEqualTo("aGk=");
		agent.sync();
		assertThat(agent.updates()).isEmpty();
	}

	@Test
	void restMessageReachesEverySocketOfTheSessionIncludingThePoster() {
		HappySocket user = this.sockets.user();
		HappySocket agent = this.sockets.session(this.sessionId);
		HappySocket otherSession = this.sockets.session(createSession("x"));
		this.rest.post("/v3/sessions/" + this.sessionId + "/messages",
				"{\"messages\":[{\"content\":\"aGk=\",\"localId\":\"r\"}]}");
		assertThat(user.awaitUpdate("new-message").get("message").get("localId").asString()).isEqualTo("r");
		assertThat(agent.awaitUpdate("new-message").get("message").get("localId").asString()).isEqualTo("r");
		otherSession.sync();
		assertThat(otherSession.updates()).isEmpty();
	}

	@Test
	void heartbeatsReachOnlyUserScopedSocketsAsActivity() {
		HappySocket user = this.sockets.user();
		HappySocket agent = this.sockets.session(this.sessionId);
		agent.emitWithoutAck("session-alive",
				"{\"sid\":\"" + this.sessionId + "\",\"time\":" + System.currentTimeMillis() + ",\"thinking\":true}");
		JsonNode activity = user.awaitReceived("ephemeral", (event) -> event.get("type").asString().equals("activity"));
		assertThat(activity.get("id").asString()).isEqualTo(this.sessionId);
		assertThat(activity.get("active").asBoolean()).isTrue();
		assertThat(activity.get("thinking").asBoolean()).isTrue();
		agent.sync();
		assertThat(agent.received("ephemeral")).isEmpty();
	}

	@SpecItem("HAPPY-9.1.1")
	@SpecItem("HAPPY-11.6")
	@Test
	void sessionEndMarksInactiveAndSuppressesHeartbeats() {
		HappySocket user = this.sockets.user();
		HappySocket agent = this.sockets.session(this.sessionId);
		long now = System.currentTimeMillis();
		agent.emitWithoutAck("session-end", "{\"sid\":\"" + this.sessionId + "\",\"time\":" + now + "}");
		JsonNode ended = user.awaitReceived("ephemeral", (event) -> event.get("type").asString().equals("activity"));
		assertThat(ended.get("active").asBoolean()).isFalse();
		agent.emitWithoutAck("session-alive", "{\"sid\":\"" + this.sessionId + "\",\"time\":" + now + "}");
		agent.sync();
		user.sync();
		assertThat(user.received("ephemeral")).hasSize(1);
		assertThat(this.rest.get("/v1/sessions").json().get("sessions").get(0).get("active").asBoolean()).isFalse();
	}

	@Test
	void sessionEventGoesToTheSessionAndUserScopedSockets() {
		HappySocket user = this.sockets.user();
		HappySocket agent = this.sockets.session(this.sessionId);
		server.emitSessionEvent(this.token, this.sessionId, "done", "Done", "Finished");
		assertThat(agent.awaitReceived("ephemeral", (event) -> true).get("kind").asString()).isEqualTo("done");
		assertThat(user.awaitReceived("ephemeral", (event) -> true).get("sessionId").asString())
			.isEqualTo(this.sessionId);
	}

	@Test
	void pingIsAckedWithAnEmptyObject() {
		CompletableFuture<JsonNode> ack = this.sockets.user().emitAsync("ping", null);
		assertThat(HappySocket.get(ack)).isEqualTo(HappySocket.parse("{}"));
	}

	private String createSession(String tag) {
		return this.rest.post("/v1/sessions", "{\"tag\":\"" + tag + "\",\"metadata\":\"eA==\"}")
			.json()
			.get("session")
			.get("id")
			.asString();
	}

	private String metadataUpdate(String metadata, long version) {
		return "{\"sid\":\"" + this.sessionId + "\",\"metadata\":\"" + metadata + "\",\"expectedVersion\":" + version
				+ "}";
	}

	private String error(Map<String, String> auth) {
		try (HappySocket socket = HappySocket.open(server.url(), auth)) {
			JsonNode error = socket.connectError();
			assertThat(error).as("connect_error").isNotNull();
			return error.get("message").asString();
		}
	}

}
