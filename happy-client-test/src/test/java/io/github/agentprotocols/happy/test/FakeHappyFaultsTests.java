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
import java.util.concurrent.CompletableFuture;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault knobs of {@link FakeHappyFaults}, each seen by a real client. A call for a
 * method nobody registered is refused after a second; an answer has all the time a loaded
 * machine needs.
 */
class FakeHappyFaultsTests {

	@RegisterExtension
	static final FakeHappyServerExtension happy = new FakeHappyServerExtension((server) -> server
		.rpcTimings(new RpcTimings(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(100))));

	private FakeHappyServer server;

	private HappyTestAccount account;

	private OpenSockets sockets;

	private Rest rest;

	@BeforeEach
	void account(FakeHappyServer server, HappyTestAccount account) {
		this.server = server;
		this.account = account;
		this.rest = new Rest(server.url(), account.token());
		this.sockets = new OpenSockets(server, account.token());
	}

	@AfterEach
	void closeSockets() {
		this.sockets.close();
	}

	@Test
	void offlineMachineIsNotAvailableUntilBackOnline() {
		HappySocket daemon = daemon("mo");
		this.server.faults().machineOffline("mo", true);
		HappySocket user = this.sockets.user();
		JsonNode offline = user.emit("rpc-call", "{\"method\":\"mo:spawn-happy-session\",\"params\":\"e30=\"}");
		assertThat(offline.get("error").asString()).isEqualTo("RPC method not available");
		CompletableFuture<JsonNode> waiting = user.emitAsync("rpc-call",
				"{\"method\":\"mo:spawn-happy-session\",\"params\":\"e30=\"}");
		this.server.faults().machineOffline("mo", false);
		assertThat(HappySocket.get(waiting).get("result").asString()).isEqualTo("spawned");
		assertThat(daemon.isConnected()).isTrue();
	}

	@Test
	void neverAckedCallGetsNoAnswer() {
		daemon("mn");
		this.server.faults().rpcNeverAcked("*:spawn-happy-session");
		HappySocket user = this.sockets.user();
		CompletableFuture<JsonNode> ack = user.emitAsync("rpc-call",
				"{\"method\":\"mn:spawn-happy-session\",\"params\":\"e30=\"}");
		user.sync();
		assertThat(ack).isNotDone();
	}

	@Test
	void callerDroppedMidRpcReconnects() {
		daemon("md");
		this.server.faults().dropCallerDuringRpc("md:spawn-happy-session");
		HappySocket user = this.sockets.track(HappySocket.reconnecting(this.server, this.account.token()));
		CompletableFuture<JsonNode> lost = user.emitAsync("rpc-call",
				"{\"method\":\"md:spawn-happy-session\",\"params\":\"e30=\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> !user.disconnects().isEmpty());
		assertThat(user.disconnects().get(0)).isIn("transport close", "transport error");
		await().atMost(Duration.ofSeconds(20)).until(user::isConnected);
		JsonNode next = user.emit("rpc-call", "{\"method\":\"md:spawn-happy-session\",\"params\":\"e30=\"}");
		assertThat(next.get("result").asString()).isEqualTo("spawned");
		assertThat(lost).isNotDone();
	}

	@SpecItem("HAPPY-11.4")
	@Test
	void targetDroppedMidRpcIsReportedToTheCaller() {
		daemon("mt");
		this.server.faults().dropTargetDuringRpc("*:spawn-happy-session");
		JsonNode ack = this.sockets.user()
			.emit("rpc-call", "{\"method\":\"mt:spawn-happy-session\",\"params\":\"e30=\"}");
		assertThat(ack.get("error").asString()).isEqualTo("RPC target disconnected");
	}

	@Test
	void metadataRaceBumpsTheVersionAndAnswersMismatch() {
		String sessionId = this.rest.post("/v1/sessions", "{\"tag\":\"race\",\"metadata\":\"b3JpZ2luYWw=\"}")
			.json()
			.get("session")
			.get("id")
			.asString();
		this.server.faults().metadataVersionMismatch(sessionId, 2, "Y29uY3VycmVudA==");
		HappySocket user = this.sockets.user();
		String update = "{\"sid\":\"" + sessionId + "\",\"metadata\":\"bWluZQ==\",\"expectedVersion\":%d}";
		JsonNode first = user.emit("update-metadata", update.formatted(0));
		assertThat(first).isEqualTo(
				HappySocket.parse("{\"result\":\"version-mismatch\",\"version\":1,\"metadata\":\"Y29uY3VycmVudA==\"}"));
		JsonNode second = user.emit("update-metadata", update.formatted(1));
		assertThat(second.get("result").asString()).isEqualTo("version-mismatch");
		assertThat(second.get("version").asLong()).isEqualTo(2);
		JsonNode third = user.emit("update-metadata", update.formatted(2));
		assertThat(third)
			.isEqualTo(HappySocket.parse("{\"result\":\"success\",\"version\":3,\"metadata\":\"bWluZQ==\"}"));
		assertThat(user.updates().stream().filter((body) -> body.get("t").asString().equals("update-session")))
			.hasSize(3);
	}

	@Test
	void metadataAckFaultAnswersAsToldAndStoresNothing() {
		String sessionId = this.rest.post("/v1/sessions", "{\"tag\":\"acks\",\"metadata\":\"b3JpZ2luYWw=\"}")
			.json()
			.get("session")
			.get("id")
			.asString();
		HappySocket user = this.sockets.user();
		String update = "{\"sid\":\"" + sessionId + "\",\"metadata\":\"bWluZQ==\",\"expectedVersion\":0}";
		this.server.faults().metadataAck(sessionId, MetadataAckFault.ERROR);
		assertThat(user.emit("update-metadata", update)).isEqualTo(HappySocket.parse("{\"result\":\"error\"}"));
		this.server.faults().metadataAck("*", MetadataAckFault.MALFORMED).metadataAck(sessionId, null);
		assertThat(user.emit("update-metadata", update).asString()).isEqualTo("malformed");
		this.server.faults().metadataAck("*", MetadataAckFault.NONE);
		CompletableFuture<JsonNode> silent = user.emitAsync("update-metadata", update);
		user.sync();
		assertThat(silent).isNotDone();
		this.server.faults().metadataAck("*", null);
		assertThat(user.emit("update-metadata", update))
			.isEqualTo(HappySocket.parse("{\"result\":\"success\",\"version\":1,\"metadata\":\"bWluZQ==\"}"));
	}

	@Test
	void slowEndpointAnswersAfterItsDelay() {
		this.server.faults().delay(HappyEndpoint.LIST_SESSIONS, Duration.ofMillis(300));
		long start = System.nanoTime();
		Rest.Answer answer = this.rest.get("/v1/sessions");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void injectedFailureAnswersTheServersErrorBodyThenRecovers() {
		this.server.faults().failNext(HappyEndpoint.LIST_MACHINES, 1, 503);
		Rest.Answer failed = this.rest.get("/v1/machines");
		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.json().get("error").asString()).isEqualTo("Internal Server Error");
		assertThat(this.rest.get("/v1/machines").status()).isEqualTo(200);
	}

	@Test
	void agentStateOvertakesTheMessageItFollows() {
		String sessionId = this.rest.post("/v1/sessions", "{\"tag\":\"order\",\"metadata\":\"bQ==\"}")
			.json()
			.get("session")
			.get("id")
			.asString();
		this.server.faults().agentStateBeforeMessage("*", true);
		HappySocket user = this.sockets.user();
		HappySocket agent = this.sockets.session(sessionId);
		agent.emitWithoutAck("message", "{\"sid\":\"" + sessionId + "\",\"message\":\"aGk=\"}");
		agent.emit("update-state", "{\"sid\":\"" + sessionId + "\",\"agentState\":\"c3Q=\",\"expectedVersion\":0}");
		user.awaitUpdate("new-message");
		assertThat(user.updates()).extracting((update) -> update.get("t").asString())
			.containsSubsequence("update-session", "new-message");
		assertThat(this.rest.get("/v3/sessions/" + sessionId + "/messages").json().get("messages")).hasSize(1);
	}

	@Test
	void heldMessageGoesOutBeforeTheAgentsNextEvent() {
		String sessionId = this.rest.post("/v1/sessions", "{\"tag\":\"held\",\"metadata\":\"bQ==\"}")
			.json()
			.get("session")
			.get("id")
			.asString();
		this.server.faults().agentStateBeforeMessage(sessionId, true);
		HappySocket user = this.sockets.user();
		HappySocket agent = this.sockets.session(sessionId);
		agent.emitWithoutAck("message", "{\"sid\":\"" + sessionId + "\",\"message\":\"MQ==\"}");
		agent.emitWithoutAck("message", "{\"sid\":\"" + sessionId + "\",\"message\":\"Mg==\"}");
		agent.sync();
		user.sync();
		assertThat(user.updates()).extracting((update) -> update.get("message").get("content").get("c").asString())
			.containsExactly("MQ==");
		agent.emitWithoutAck("session-alive",
				"{\"sid\":\"" + sessionId + "\",\"time\":" + System.currentTimeMillis() + ",\"thinking\":false}");
		await().atMost(Duration.ofSeconds(20)).until(() -> user.updates().size() == 2);
		assertThat(user.updates()).extracting((update) -> update.get("message").get("content").get("c").asString())
			.containsExactly("MQ==", "Mg==");
	}

	@Test
	void resetTurnsEveryKnobOff() {
		this.server.faults().failNext(HappyEndpoint.LIST_MACHINES, 5, 500).rpcNeverAcked("*:x");
		this.server.reset();
		assertThat(this.rest.get("/v1/machines").status()).isEqualTo(200);
		assertThat(this.sockets.user().emit("rpc-call", "{\"method\":\"none:x\"}").get("error").asString())
			.isEqualTo("RPC method not available");
	}

	private HappySocket daemon(String machineId) {
		HappySocket daemon = this.sockets.track(HappySocket.machine(this.server, this.account.token(), machineId));
		daemon.answerRpc((request) -> "spawned");
		String method = machineId + ":spawn-happy-session";
		daemon.emitWithoutAck("rpc-register", "{\"method\":\"" + method + "\"}");
		daemon.awaitReceived("rpc-registered", (event) -> event.get("method").asString().equals(method));
		return daemon;
	}

}
