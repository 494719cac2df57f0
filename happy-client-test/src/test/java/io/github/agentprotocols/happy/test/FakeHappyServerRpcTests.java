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

/**
 * RPC routing over real sockets (spec §6.1): forwarding and answers, and each of the
 * server's error texts. A call for a method nobody registered is refused after a second;
 * an answer has all the time a loaded machine needs, except where the test waits for the
 * answer timeout.
 */
class FakeHappyServerRpcTests {

	private static final RpcTimings PATIENT_ANSWERS = new RpcTimings(Duration.ofSeconds(1), Duration.ofSeconds(30),
			Duration.ofMillis(100));

	@RegisterExtension
	static final FakeHappyServerExtension happy = new FakeHappyServerExtension(
			(server) -> server.rpcTimings(PATIENT_ANSWERS));

	private FakeHappyServer server;

	private HappyTestAccount account;

	private OpenSockets sockets;

	@BeforeEach
	void account(FakeHappyServer server, HappyTestAccount account) {
		this.server = server;
		this.account = account;
		this.sockets = new OpenSockets(server, account.token());
	}

	@AfterEach
	void closeSockets() {
		this.sockets.close();
	}

	@Test
	void callIsForwardedAndAnswered() {
		HappySocket daemon = this.sockets.machine("m1");
		daemon.answerRpc((request) -> "answer-to-" + request.get("params").asString());
		assertThat(register(daemon, "m1:spawn-happy-session").get("method").asString())
			.isEqualTo("m1:spawn-happy-session");
		JsonNode ack = this.sockets.user()
			.emit("rpc-call", "{\"method\":\"m1:spawn-happy-session\",\"params\":\"cGFyYW1z\"}");
		assertThat(ack).isEqualTo(HappySocket.parse("{\"ok\":true,\"result\":\"answer-to-cGFyYW1z\"}"));
		JsonNode request = daemon.received("rpc-request").get(0);
		assertThat(request.get("method").asString()).isEqualTo("m1:spawn-happy-session");
	}

	@SpecItem("HAPPY-11.3")
	@Test
	void callWaitsForTheMethodToBeRegistered() {
		try (FakeHappyServer patient = FakeHappyServer.builder().rpcTimings(RpcTimings.defaults()).start();
				OpenSockets open = new OpenSockets(patient, HappyTestAccount.create(patient).token())) {
			HappySocket user = open.user();
			CompletableFuture<JsonNode> ack = user.emitAsync("rpc-call",
					"{\"method\":\"s1:killSession\",\"params\":\"e30=\"}");
			user.sync();
			HappySocket agent = open.session("s1");
			agent.answerRpc((request) -> "killed");
			register(agent, "s1:killSession");
			assertThat(HappySocket.get(ack).get("result").asString()).isEqualTo("killed");
		}
	}

	@SpecItem("HAPPY-11.3")
	@Test
	void unregisteredMethodIsNotAvailable() {
		JsonNode ack = this.sockets.user().emit("rpc-call", "{\"method\":\"gone:killSession\",\"params\":\"e30=\"}");
		assertThat(ack).isEqualTo(HappySocket.parse("{\"ok\":false,\"error\":\"RPC method not available\"}"));
	}

	@Test
	void methodsOfAnotherAccountAreNotAvailable() {
		HappySocket daemon = this.sockets.machine("m2");
		daemon.answerRpc((request) -> "x");
		register(daemon, "m2:bash");
		HappySocket stranger = this.sockets
			.track(HappySocket.user(this.server, HappyTestAccount.create(this.server).token()));
		JsonNode ack = stranger.emit("rpc-call", "{\"method\":\"m2:bash\",\"params\":\"e30=\"}");
		assertThat(ack.get("error").asString()).isEqualTo("RPC method not available");
	}

	@Test
	void unregisteredAgainIsNotAvailable() {
		HappySocket daemon = this.sockets.machine("m3");
		register(daemon, "m3:bash");
		daemon.emitWithoutAck("rpc-unregister", "{\"method\":\"m3:bash\"}");
		daemon.awaitReceived("rpc-unregistered", (event) -> true);
		JsonNode ack = this.sockets.user().emit("rpc-call", "{\"method\":\"m3:bash\",\"params\":\"e30=\"}");
		assertThat(ack.get("error").asString()).isEqualTo("RPC method not available");
	}

	@SpecItem("HAPPY-11.4")
	@Test
	void silentTargetTimesOut() {
		try (FakeHappyServer impatient = FakeHappyServer.builder().rpcTimings(RpcTimings.shortened()).start();
				OpenSockets open = new OpenSockets(impatient, HappyTestAccount.create(impatient).token())) {
			HappySocket daemon = open.machine("m4");
			daemon.answerRpc((request) -> null);
			register(daemon, "m4:bash");
			JsonNode ack = open.user().emit("rpc-call", "{\"method\":\"m4:bash\",\"params\":\"e30=\"}");
			assertThat(ack).isEqualTo(HappySocket.parse("{\"ok\":false,\"error\":\"operation has timed out\"}"));
		}
	}

	@SpecItem("HAPPY-11.4")
	@Test
	void targetLeavingMidCallIsReported() {
		HappySocket daemon = this.sockets.machine("m5");
		daemon.answerRpc((request) -> {
			daemon.close();
			return null;
		});
		register(daemon, "m5:bash");
		JsonNode ack = this.sockets.user().emit("rpc-call", "{\"method\":\"m5:bash\",\"params\":\"e30=\"}");
		assertThat(ack).isEqualTo(HappySocket.parse("{\"ok\":false,\"error\":\"RPC target disconnected\"}"));
	}

	@Test
	void callWithoutMethodIsRefused() {
		JsonNode ack = this.sockets.user().emit("rpc-call", "{\"params\":\"e30=\"}");
		assertThat(ack)
			.isEqualTo(HappySocket.parse("{\"ok\":false,\"error\":\"Invalid parameters: method is required\"}"));
	}

	@Test
	void callingOwnMethodIsRefused() {
		HappySocket daemon = this.sockets.machine("m6");
		register(daemon, "m6:bash");
		JsonNode ack = daemon.emit("rpc-call", "{\"method\":\"m6:bash\",\"params\":\"e30=\"}");
		assertThat(ack.get("error").asString()).isEqualTo("Cannot call RPC on the same socket");
	}

	@Test
	void registeringWithoutMethodIsAnRpcError() {
		HappySocket daemon = this.sockets.machine("m7");
		daemon.emitWithoutAck("rpc-register", "{}");
		JsonNode error = daemon.awaitReceived("rpc-error", (event) -> true);
		assertThat(error).isEqualTo(HappySocket.parse("{\"type\":\"register\",\"error\":\"Invalid method name\"}"));
	}

	private JsonNode register(HappySocket socket, String method) {
		socket.emitWithoutAck("rpc-register", "{\"method\":\"" + method + "\"}");
		return socket.awaitReceived("rpc-registered", (event) -> event.get("method").asString().equals(method));
	}

}
