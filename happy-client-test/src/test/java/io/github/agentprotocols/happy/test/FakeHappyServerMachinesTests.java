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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machines over real HTTP and sockets (spec §4.10, §9.1): registration, the listing's
 * shape and order, and the daemon's socket events.
 */
@ExtendWith(FakeHappyServerExtension.class)
class FakeHappyServerMachinesTests {

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
	void newMachineIsInactiveAtMetadataVersionOne() {
		Rest.Answer answer = this.rest.post("/v1/machines",
				"{\"id\":\"m-1\",\"metadata\":\"bWV0YQ==\",\"daemonState\":\"c3RhdGU=\"}");
		assertThat(answer.status()).isEqualTo(200);
		JsonNode machine = answer.json().get("machine");
		assertThat(machine.get("id").asString()).isEqualTo("m-1");
		assertThat(machine.get("active").asBoolean()).isFalse();
		assertThat(machine.get("metadataVersion").asLong()).isEqualTo(1);
		assertThat(machine.get("daemonStateVersion").asLong()).isEqualTo(1);
		assertThat(machine.get("dataEncryptionKey").isNull()).isTrue();
		assertThat(machine.has("seq")).isFalse();
	}

	@Test
	void registeringAgainReturnsTheExistingMachine() {
		this.rest.post("/v1/machines", "{\"id\":\"m-2\",\"metadata\":\"Zmlyc3Q=\",\"daemonState\":\"c3RhdGU=\"}");
		JsonNode again = this.rest.post("/v1/machines", "{\"id\":\"m-2\",\"metadata\":\"c2Vjb25k\"}")
			.json()
			.get("machine");
		assertThat(again.get("metadata").asString()).isEqualTo("Zmlyc3Q=");
		assertThat(again.get("daemonState").asString()).isEqualTo("c3RhdGU=");
	}

	@Test
	void listingIsABareArrayByActiveAtDescending() throws InterruptedException {
		this.rest.post("/v1/machines", "{\"id\":\"older\",\"metadata\":\"eA==\"}");
		Thread.sleep(5);
		this.rest.post("/v1/machines", "{\"id\":\"newer\",\"metadata\":\"eA==\"}");
		JsonNode listed = this.rest.get("/v1/machines").json();
		assertThat(listed.isArray()).isTrue();
		assertThat(FakeHappyServerSessionsTests.ids(listed)).containsExactly("newer", "older");
		assertThat(listed.get(0).get("seq").asLong()).isZero();
		HappySocket daemon = this.sockets.track(HappySocket.machine(this.server, this.account.token(), "older"));
		daemon.emitWithoutAck("machine-alive", "{\"machineId\":\"older\",\"time\":" + System.currentTimeMillis() + "}");
		daemon.sync();
		JsonNode after = this.rest.get("/v1/machines").json();
		assertThat(FakeHappyServerSessionsTests.ids(after)).containsExactly("older", "newer");
		assertThat(after.get(0).get("active").asBoolean()).isTrue();
	}

	@Test
	void unknownMachineIsAnswered404() {
		Rest.Answer answer = this.rest.get("/v1/machines/nope");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Machine not found\"}");
	}

	@Test
	void getReturnsTheMachineRecord() {
		this.rest.post("/v1/machines", "{\"id\":\"m-3\",\"metadata\":\"eA==\"}");
		JsonNode machine = this.rest.get("/v1/machines/m-3").json().get("machine");
		assertThat(machine.propertyNames()).containsExactly("id", "metadata", "metadataVersion", "daemonState",
				"daemonStateVersion", "dataEncryptionKey", "seq", "active", "activeAt", "createdAt", "updatedAt");
	}

	@Test
	void daemonConnectAndDisconnectAreMachineActivity() {
		HappySocket user = this.sockets.track(HappySocket.user(this.server, this.account.token()));
		this.rest.post("/v1/machines", "{\"id\":\"m-4\",\"metadata\":\"eA==\"}");
		HappySocket daemon = HappySocket.machine(this.server, this.account.token(), "m-4");
		JsonNode online = user.awaitReceived("ephemeral",
				(event) -> event.get("type").asString().equals("machine-activity") && event.get("active").asBoolean());
		assertThat(online.get("id").asString()).isEqualTo("m-4");
		daemon.close();
		user.awaitReceived("ephemeral",
				(event) -> event.get("type").asString().equals("machine-activity") && !event.get("active").asBoolean());
		assertThat(this.rest.get("/v1/machines/m-4").json().get("machine").get("active").asBoolean()).isFalse();
	}

	@Test
	void daemonStateUpdateIsVersionedAndMarksActive() {
		this.rest.post("/v1/machines", "{\"id\":\"m-5\",\"metadata\":\"eA==\",\"daemonState\":\"b2xk\"}");
		HappySocket daemon = this.sockets.track(HappySocket.machine(this.server, this.account.token(), "m-5"));
		JsonNode ack = daemon.emit("machine-update-state",
				"{\"machineId\":\"m-5\",\"daemonState\":\"bmV3\",\"expectedVersion\":1}");
		assertThat(ack).isEqualTo(HappySocket.parse("{\"result\":\"success\",\"version\":2,\"daemonState\":\"bmV3\"}"));
		JsonNode stale = daemon.emit("machine-update-state",
				"{\"machineId\":\"m-5\",\"daemonState\":\"eA==\",\"expectedVersion\":1}");
		assertThat(stale.get("result").asString()).isEqualTo("version-mismatch");
		JsonNode machine = this.rest.get("/v1/machines/m-5").json().get("machine");
		assertThat(machine.get("active").asBoolean()).isTrue();
		assertThat(machine.get("daemonState").asString()).isEqualTo("bmV3");
	}

	@Test
	void newMachineIsAnnouncedToUserScopedSockets() {
		HappySocket user = this.sockets.track(HappySocket.user(this.server, this.account.token()));
		this.rest.post("/v1/machines", "{\"id\":\"m-6\",\"metadata\":\"eA==\"}");
		JsonNode body = user.awaitUpdate("new-machine");
		assertThat(body.get("machineId").asString()).isEqualTo("m-6");
		assertThat(body.get("active").asBoolean()).isFalse();
		assertThat(user.awaitUpdate("update-machine").get("metadata").get("version").asLong()).isEqualTo(1);
	}

}
