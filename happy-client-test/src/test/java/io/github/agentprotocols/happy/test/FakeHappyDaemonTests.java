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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.crypto.ContentKeyPair;
import io.github.agentprotocols.happy.crypto.DataEncryptionKey;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The fake daemon against the fake server, driven as a controlling client would over real
 * HTTP and Socket.IO (spec §6.2, §6.3, §7, §12).
 */
class FakeHappyDaemonTests {

	@RegisterExtension
	static final FakeHappyServerExtension happy = new FakeHappyServerExtension((server) -> server
		.rpcTimings(new RpcTimings(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofMillis(100))));

	private final List<FakeHappyDaemon> daemons = new ArrayList<>();

	private HappyTestAccount account;

	private RecordKey secretKey;

	private Rest rest;

	private OpenSockets sockets;

	@BeforeEach
	void account(FakeHappyServer server, HappyTestAccount account) {
		this.account = account;
		this.secretKey = new RecordKey(account.secret(), EncryptionVariant.LEGACY);
		this.rest = new Rest(server.url(), account.token());
		this.sockets = new OpenSockets(server, account.token());
	}

	@AfterEach
	void close() {
		this.sockets.close();
		this.daemons.forEach(FakeHappyDaemon::close);
	}

	@Test
	void daemonRegistersItsMachineRunning() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account));
		JsonNode machine = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.rest.get("/v1/machines/" + daemon.machineId()).json().get("machine"),
					(record) -> record.get("active").asBoolean());
		assertThat(this.secretKey.openObject(machine.get("metadata").asString())).containsEntry("host", "fake-host");
		assertThat(this.secretKey.openObject(machine.get("daemonState").asString())).containsEntry("status", "running");
		assertThat(machine.get("daemonStateVersion").asLong()).isEqualTo(2);
	}

	@Test
	void spawnCreatesTheSessionAndItsAgentConnects() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account));
		String sessionId = spawn(daemon, "/work/project");
		JsonNode session = await().atMost(Duration.ofSeconds(20))
			.until(() -> session(sessionId),
					(record) -> record != null && record.get("agentStateVersion").asLong() > 0);
		Map<String, Object> metadata = this.secretKey.openObject(session.get("metadata").asString());
		assertThat(metadata).containsEntry("path", "/work/project")
			.containsEntry("machineId", daemon.machineId())
			.containsEntry("lifecycleState", "running");
		assertThat(this.secretKey.openObject(session.get("agentState").asString())).containsEntry("controlledByUser",
				false);
		assertThat(daemon.runningSessions()).containsExactly(sessionId);
	}

	@Test
	void userMessageIsAnsweredWithATurn() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account));
		String sessionId = spawnAndWait(daemon);
		HappySocket user = this.sockets.user();
		sendUserMessage(sessionId, "Hello", this.secretKey);
		List<Map<String, Object>> turn = agentMessages(user, sessionId, 3, this.secretKey);
		assertThat(turn).extracting((message) -> message.get("role")).containsOnly("session");
		List<Object> types = new ArrayList<>();
		List<Object> texts = new ArrayList<>();
		for (Map<String, Object> message : turn) {
			Map<?, ?> event = (Map<?, ?>) ((Map<?, ?>) message.get("content")).get("ev");
			types.add(event.get("t"));
			texts.add(event.get("text"));
		}
		assertThat(types).containsExactly("turn-start", "text", "turn-end");
		assertThat(texts.get(1)).isEqualTo("Echo: Hello");
		assertThat(((Map<?, ?>) turn.get(0).get("content")).get("turn"))
			.isEqualTo(((Map<?, ?>) turn.get(2).get("content")).get("turn"));
	}

	@Test
	void legacyReadyModeEndsWithReady() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account).behaviour(AgentBehaviour.LEGACY_READY));
		String sessionId = spawnAndWait(daemon);
		HappySocket user = this.sockets.user();
		sendUserMessage(sessionId, "Hi", this.secretKey);
		List<Map<String, Object>> messages = agentMessages(user, sessionId, 2, this.secretKey);
		assertThat(((Map<?, ?>) messages.get(0).get("content")).get("type")).isEqualTo("output");
		assertThat(((Map<?, ?>) messages.get(1).get("content")).get("data")).isEqualTo(Map.of("type", "ready"));
	}

	@Test
	void processExitedModeAnswersWithTheEventMessage() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account).behaviour(AgentBehaviour.PROCESS_EXITED));
		String sessionId = spawnAndWait(daemon);
		HappySocket user = this.sockets.user();
		sendUserMessage(sessionId, "Hi", this.secretKey);
		Map<String, Object> message = agentMessages(user, sessionId, 1, this.secretKey).get(0);
		assertThat(((Map<?, ?>) message.get("content")).get("data"))
			.isEqualTo(Map.of("type", "message", "message", "Process exited unexpectedly"));
	}

	@Test
	void killSessionArchivesTheSession() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account));
		String sessionId = spawnAndWait(daemon);
		JsonNode ack = this.sockets.user()
			.emit("rpc-call", rpcCall(sessionId + ":killSession", this.secretKey.seal(Map.of())));
		assertThat(this.secretKey.openObject(ack.get("result").asString())).containsEntry("success", true);
		JsonNode session = await().atMost(Duration.ofSeconds(20))
			.until(() -> session(sessionId),
					(record) -> !record.get("active").asBoolean() && record.get("metadataVersion").asLong() > 0);
		assertThat(this.secretKey.openObject(session.get("metadata").asString()))
			.containsEntry("lifecycleState", "archived")
			.containsEntry("archivedBy", "cli");
		await().atMost(Duration.ofSeconds(20)).until(() -> daemon.runningSessions().isEmpty());
	}

	@Test
	void killSessionWithArchiveWritesDroppedEndsTheSessionButLeavesItRunning() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account)).dropArchiveWrites(true);
		String sessionId = spawnAndWait(daemon);
		JsonNode ack = this.sockets.user()
			.emit("rpc-call", rpcCall(sessionId + ":killSession", this.secretKey.seal(Map.of())));
		assertThat(this.secretKey.openObject(ack.get("result").asString())).containsEntry("success", true);
		await().atMost(Duration.ofSeconds(20)).until(() -> daemon.runningSessions().isEmpty());
		JsonNode session = session(sessionId);
		assertThat(session.get("active").asBoolean()).isFalse();
		assertThat(session.get("metadataVersion").asLong()).isZero();
		assertThat(this.secretKey.openObject(session.get("metadata").asString())).containsEntry("lifecycleState",
				"running");
	}

	@Test
	void missingDirectoryNeedsApproval() {
		FakeHappyDaemon daemon = daemon(
				FakeHappyDaemon.builder(this.account).directoryExists((directory) -> !directory.endsWith("/new")));
		Map<String, Object> refused = spawnResult(daemon, "/work/new", false);
		assertThat(refused).isEqualTo(Map.of("type", "requestToApproveDirectoryCreation", "directory", "/work/new"));
		assertThat(spawnResult(daemon, "/work/new", true)).containsEntry("type", "success");
	}

	@Test
	void stopSessionOfUnknownSessionFails() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account));
		JsonNode ack = this.sockets.user()
			.emit("rpc-call",
					rpcCall(daemon.machineId() + ":stop-session", this.secretKey.seal(Map.of("sessionId", "unknown"))));
		assertThat(this.secretKey.openObject(ack.get("result").asString())).containsEntry("error",
				"Session not found or failed to stop");
	}

	@Test
	void dataKeyDaemonWrapsKeysToTheAccount() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account).encryption(EncryptionVariant.DATA_KEY));
		JsonNode machine = this.rest.get("/v1/machines/" + daemon.machineId()).json().get("machine");
		byte[] machineKey = DataEncryptionKey.open(
				Base64.getDecoder().decode(machine.get("dataEncryptionKey").asString()),
				ContentKeyPair.fromMasterSecret(this.account.secret()));
		RecordKey key = new RecordKey(machineKey, EncryptionVariant.DATA_KEY);
		assertThat(key.openObject(machine.get("metadata").asString())).containsEntry("platform", "linux");
		JsonNode ack = this.sockets.user()
			.emit("rpc-call",
					rpcCall(daemon.machineId() + ":spawn-happy-session", key.seal(Map.of("type", "spawn-in-directory",
							"directory", "/work/dk", "approvedNewDirectoryCreation", false, "agent", "claude"))));
		assertThat(key.openObject(ack.get("result").asString())).containsEntry("type", "success");
	}

	@Test
	void moreAgentsThanTheSocketClientsDefaultDispatcherAdmitsAllConnect() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account));
		HappySocket user = this.sockets.user();
		List<String> sessionIds = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			sessionIds.add(spawn(user, daemon, "/work/many"));
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Map<String, Long> stateVersions = new HashMap<>();
			for (JsonNode session : this.rest.get("/v1/sessions").json().get("sessions")) {
				stateVersions.put(session.get("id").asString(), session.get("agentStateVersion").asLong());
			}
			assertThat(sessionIds).allSatisfy((id) -> assertThat(stateVersions.get(id)).as(id).isPositive());
		});
	}

	@Test
	void spawnBeyondTheLimitStopsTheOldestAgentAndItsThreadsEnd() {
		FakeHappyDaemon daemon = daemon(FakeHappyDaemon.builder(this.account).maxRunningSessions(3));
		HappySocket user = this.sockets.user();
		List<String> sessionIds = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			sessionIds.add(spawn(user, daemon, "/work/bounded"));
		}
		assertThat(daemon.runningSessions()).containsExactlyInAnyOrderElementsOf(sessionIds.subList(17, 20));
		JsonNode oldest = await().atMost(Duration.ofSeconds(20))
			.until(() -> session(sessionIds.get(0)), (record) -> !record.get("active").asBoolean());
		assertThat(this.secretKey.openObject(oldest.get("metadata").asString())).containsEntry("lifecycleState",
				"archived");
		// one Engine.IO heartbeat thread per connected socket of the JVM: the daemon,
		// its three agents and the test's user socket; 20 agents without the limit
		await().atMost(Duration.ofSeconds(30))
			.until(() -> threads("engine.io-client.heartbeat"), (count) -> count <= 8);
	}

	@Test
	void limitBelowOneIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeHappyDaemon.builder(this.account).maxRunningSessions(0))
			.withMessageContaining("maxRunningSessions");
	}

	private static long threads(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(prefix))
			.count();
	}

	private FakeHappyDaemon daemon(FakeHappyDaemon.Builder builder) {
		FakeHappyDaemon daemon = builder.start();
		this.daemons.add(daemon);
		return daemon;
	}

	private String spawn(FakeHappyDaemon daemon, String directory) {
		return spawn(this.sockets.user(), daemon, directory);
	}

	private String spawn(HappySocket user, FakeHappyDaemon daemon, String directory) {
		Map<String, Object> result = spawnResult(user, daemon, directory, false);
		assertThat(result).containsEntry("type", "success");
		return (String) result.get("sessionId");
	}

	private String spawnAndWait(FakeHappyDaemon daemon) {
		String sessionId = spawn(daemon, "/work/turns");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> session(sessionId),
					(record) -> record != null && record.get("agentStateVersion").asLong() > 0);
		return sessionId;
	}

	private Map<String, Object> spawnResult(FakeHappyDaemon daemon, String directory, boolean createDir) {
		return spawnResult(this.sockets.user(), daemon, directory, createDir);
	}

	private Map<String, Object> spawnResult(HappySocket user, FakeHappyDaemon daemon, String directory,
			boolean createDir) {
		JsonNode ack = user.emit("rpc-call",
				rpcCall(daemon.machineId() + ":spawn-happy-session",
						this.secretKey.seal(Map.of("type", "spawn-in-directory", "directory", directory,
								"approvedNewDirectoryCreation", createDir, "agent", "claude"))));
		assertThat(ack.get("ok").asBoolean()).as(ack.toString()).isTrue();
		return this.secretKey.openObject(ack.get("result").asString());
	}

	private void sendUserMessage(String sessionId, String text, RecordKey key) {
		String content = key.seal(Map.of("role", "user", "content", Map.of("type", "text", "text", text), "meta",
				Map.of("sentFrom", "test", "permissionMode", "yolo")));
		Rest.Answer answer = this.rest.post("/v3/sessions/" + sessionId + "/messages",
				"{\"messages\":[{\"content\":\"" + content + "\",\"localId\":\"u1\"}]}");
		assertThat(answer.status()).isEqualTo(200);
	}

	private List<Map<String, Object>> agentMessages(HappySocket user, String sessionId, int count, RecordKey key) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			List<Map<String, Object>> agent = new ArrayList<>();
			for (JsonNode body : user.updates()) {
				if (body.get("t").asString().equals("new-message") && body.get("sid").asString().equals(sessionId)) {
					Map<String, Object> message = key
						.openObject(body.get("message").get("content").get("c").asString());
					if (!"user".equals(message.get("role"))) {
						agent.add(message);
					}
				}
			}
			return agent;
		}, (agent) -> agent.size() >= count);
	}

	private JsonNode session(String sessionId) {
		for (JsonNode session : this.rest.get("/v1/sessions").json().get("sessions")) {
			if (session.get("id").asString().equals(sessionId)) {
				return session;
			}
		}
		return null;
	}

	private static String rpcCall(String method, String params) {
		return "{\"method\":\"" + method + "\",\"params\":\"" + params + "\"}";
	}

}
