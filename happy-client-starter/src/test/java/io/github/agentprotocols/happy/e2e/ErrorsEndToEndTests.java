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

package io.github.agentprotocols.happy.e2e;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyConnectionException;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.Machine;
import io.github.agentprotocols.happy.MachineNotFoundException;
import io.github.agentprotocols.happy.MachineOfflineException;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.Session;
import io.github.agentprotocols.happy.SpawnException;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyEndpoint;
import io.github.agentprotocols.happy.test.RpcTimings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ErrorsEndToEndTests {

	private static FakeHappyServer server;

	private TestAccount account;

	private HappyClient client;

	@BeforeAll
	static void startServer() {
		server = FakeHappyServer.builder().rpcTimings(RpcTimings.shortened()).start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void createClient() {
		this.account = new TestAccount(server);
		this.client = this.account.client().buildBlocking();
	}

	@AfterEach
	void closeClient() {
		server.faults().reset();
		this.client.close();
	}

	private HappyClient clientWithToken(String token) {
		String secret = Base64.getEncoder().encodeToString(this.account.secret());
		return ReactiveHappyClient.builder(HappyCredentials.of(server.url(), token, secret))
			.connectTimeout(Duration.ofSeconds(20))
			.buildBlocking();
	}

	@SpecItem("HAPPY-10.2")
	@Test
	void badTokenIsAnAuthenticationFailureOverRest() {
		try (HappyClient client = clientWithToken("not-a-token")) {
			assertThatExceptionOfType(HappyAuthenticationException.class).isThrownBy(client::listSessions);
			assertThatExceptionOfType(HappyAuthenticationException.class).isThrownBy(client::listMachines);
		}
	}

	@SpecItem("HAPPY-10.2")
	@Test
	void badTokenIsAnAuthenticationFailureOnTheSocket() {
		String id = this.account.createSession(Map.of("path", "/p"));
		try (HappyClient client = clientWithToken("not-a-token")) {
			assertThatExceptionOfType(HappyAuthenticationException.class)
				.isThrownBy(() -> client.reactive().messages(id, 0).blockFirst(Duration.ofSeconds(20)))
				.withMessageContaining("Invalid authentication token");
		}
	}

	@SpecItem("HAPPY-1.4.12")
	@Test
	void tokenObtainedByTheSignedChallengeWorks() {
		String secret = Base64.getEncoder().encodeToString(this.account.secret());
		String id = this.account.createSession(Map.of("path", "/p"));
		try (HappyClient client = ReactiveHappyClient.builder(HappyCredentials.withoutToken(server.url(), secret))
			.buildBlocking()) {
			assertThat(client.listSessions()).extracting(Session::id).containsExactly(id);
		}
	}

	@SpecItem("HAPPY-8.3.3")
	@SpecItem("HAPPY-10.8")
	@Test
	void tamperedMessageIsAnEncryptionFailure() {
		String id = this.account.createSession(Map.of("path", "/p"));
		byte[] blob = Base64.getDecoder().decode(this.account.key(id).seal(Map.of("role", "agent")));
		blob[blob.length - 1] ^= 1;
		this.account.postRaw(id, Base64.getEncoder().encodeToString(blob));
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> this.client.getMessages(id));
	}

	@SpecItem("HAPPY-1.5.4")
	@SpecItem("HAPPY-8.2.3")
	@Test
	void undecryptableSessionFailsGetButIsListedWithoutMetadata() {
		String id = this.account.createForeignSession(Map.of("path", "/p"));
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> this.client.getSession(id));
		List<Session> sessions = this.client.listSessions();
		assertThat(sessions).singleElement().satisfies((session) -> {
			assertThat(session.id()).isEqualTo(id);
			assertThat(session.metadata()).isEmpty();
		});
	}

	@SpecItem("HAPPY-8.4.1")
	@Test
	void machinesAreListedDecrypted() {
		String id = this.account.registerMachine(Map.of("host", "box", "platform", "linux", "homeDir", "/home/u"));
		List<Machine> machines = this.client.listMachines();
		assertThat(machines).singleElement().satisfies((machine) -> {
			assertThat(machine.id()).isEqualTo(id);
			assertThat(machine.metadata()).containsEntry("host", "box");
		});
		assertThat(this.client.getMachine(id).metadata()).containsEntry("homeDir", "/home/u");
		assertThat(this.client.listMachines(true)).extracting(Machine::id).doesNotContain(id);
	}

	@SpecItem("HAPPY-8.4.2")
	@SpecItem("HAPPY-10.4")
	@Test
	void unknownMachineIsNotFound() {
		assertThatExceptionOfType(MachineNotFoundException.class).isThrownBy(() -> this.client.getMachine("nope"))
			.withMessageContaining("Machine not found")
			.satisfies((ex) -> assertThat(ex.machineId()).isEqualTo("nope"));
		for (String machineId : List.of("nope", "../../etc/passwd", "%00", "\u0000", "0")) {
			assertThatExceptionOfType(MachineNotFoundException.class)
				.isThrownBy(() -> this.client.spawnSession(machineId, "/p"))
				.satisfies((ex) -> assertThat(ex.machineId()).isEqualTo(machineId));
		}
	}

	@SpecItem("HAPPY-8.5.2")
	@SpecItem("HAPPY-10.3")
	@Test
	void machineWithoutDaemonIsOffline() {
		String id = this.account.registerMachine(Map.of("host", "box"));
		assertThatExceptionOfType(MachineOfflineException.class)
			.isThrownBy(() -> this.client.spawnSession(id, "/home/u/p"))
			.withMessageContaining("RPC method not available");
	}

	@SpecItem("HAPPY-8.5.3")
	@SpecItem("HAPPY-10.6")
	@SpecItem("HAPPY-11.2")
	@Test
	void unacknowledgedSpawnIsASpawnFailure() {
		String id = this.account.registerMachine(Map.of("host", "box"));
		server.faults().rpcNeverAcked("*:spawn-happy-session");
		try (HappyClient client = this.account.client().rpcTimeout(Duration.ofSeconds(1)).buildBlocking()) {
			assertThatExceptionOfType(SpawnException.class).isThrownBy(() -> client.spawnSession(id, "/home/u/p"))
				.withMessageContaining("may still start");
		}
	}

	@SpecItem("HAPPY-10.12")
	@Test
	void serverErrorIsAHappyException() {
		server.faults().failNext(HappyEndpoint.LIST_MACHINES, 1, 500);
		assertThatExceptionOfType(HappyException.class).isThrownBy(this.client::listMachines)
			.isNotInstanceOf(HappyConnectionException.class)
			.withMessageContaining("500");
		assertThat(this.client.listMachines()).isEmpty();
	}

	@SpecItem("HAPPY-10.9")
	@Test
	void slowServerIsAConnectionFailure() {
		server.faults().delay(HappyEndpoint.LIST_MACHINES, Duration.ofSeconds(3));
		try (HappyClient client = this.account.client().requestTimeout(Duration.ofMillis(500)).buildBlocking()) {
			assertThatExceptionOfType(HappyConnectionException.class).isThrownBy(client::listMachines);
		}
	}

	@SpecItem("HAPPY-10.9")
	@Test
	void unreachableServerIsAConnectionFailure() {
		String secret = Base64.getEncoder().encodeToString(this.account.secret());
		try (HappyClient client = HappyClient.create(HappyCredentials.of("http://127.0.0.1:1", "t", secret))) {
			assertThatExceptionOfType(HappyConnectionException.class).isThrownBy(client::listSessions);
		}
	}

}
