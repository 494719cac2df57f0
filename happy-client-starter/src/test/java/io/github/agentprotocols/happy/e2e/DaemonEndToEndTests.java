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

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.Agent;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyConnectionException;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.HappyTimeoutException;
import io.github.agentprotocols.happy.Machine;
import io.github.agentprotocols.happy.MachineOfflineException;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.MetadataUpdateException;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.Session;
import io.github.agentprotocols.happy.SessionArchivedException;
import io.github.agentprotocols.happy.SpawnException;
import io.github.agentprotocols.happy.SpawnOptions;
import io.github.agentprotocols.happy.SpawnRefusedException;
import io.github.agentprotocols.happy.TaskProgress;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.test.MetadataAckFault;
import io.github.agentprotocols.happy.test.ReceivedRequest;
import io.github.agentprotocols.happy.test.RpcTimings;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Every operation against the fake server and the fake daemon. A call for a method nobody
 * registered is refused after a second; an answer has as long as the client waits. The
 * turn tests run twice: with the agent's messages and states delivered in the order sent,
 * and with each agent state delivered before the message it follows, as the real server
 * sometimes does.
 */
class DaemonEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String DIRECTORY = "/home/user/project";

	private static FakeHappyServer server;

	private HappyTestAccount account;

	private FakeHappyDaemon daemon;

	private HappyClient client;

	@BeforeAll
	static void startServer() {
		server = FakeHappyServer.builder()
			.rpcTimings(new RpcTimings(Duration.ofSeconds(1), WAIT, Duration.ofMillis(100)))
			.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void startDaemon() {
		this.account = HappyTestAccount.create(server);
		this.daemon = FakeHappyDaemon.start(this.account);
		this.client = client().buildBlocking();
	}

	@AfterEach
	void stopDaemon() {
		server.reset();
		this.client.close();
		this.daemon.close();
	}

	private ReactiveHappyClient.Builder client() {
		return ReactiveHappyClient.builder(this.account.credentials())
			.rpcTimeout(WAIT)
			.connectTimeout(Duration.ofSeconds(10))
			.metadataAckTimeout(Duration.ofSeconds(10));
	}

	@SpecItem("HAPPY-8.4.1")
	@Test
	void daemonsMachineIsListedDecrypted() {
		List<Machine> machines = this.client.listMachines();
		assertThat(machines).extracting(Machine::id).containsExactly(this.daemon.machineId());
		Machine machine = this.client.getMachine(this.daemon.machineId());
		assertThat(machine.metadata()).containsKey("host");
		assertThat(machine.daemonState()).containsEntry("status", "running");
	}

	@SpecItem("HAPPY-8.5.1")
	@Test
	void spawnedSessionRunsInTheDirectory() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		assertThat(this.daemon.runningSessions()).contains(id);
		Session session = this.client.getSession(id);
		assertThat(session.metadata()).containsEntry("path", DIRECTORY)
			.containsEntry("machineId", this.daemon.machineId());
		assertThat(this.client.isAlive(id)).isTrue();
		assertThat(this.client.listSessions(true)).extracting(Session::id).contains(id);
	}

	@SpecItem("HAPPY-8.5.5")
	@Test
	void spawnWithANameNamesTheSession() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY,
				SpawnOptions.DEFAULTS.withName("Nightly build").withAgent(Agent.CODEX));
		Session session = this.client.getSession(id);
		assertThat(session.name()).isEqualTo("Nightly build");
		assertThat(session.metadata()).containsEntry("path", DIRECTORY);
	}

	@SpecItem("HAPPY-8.5.6")
	@Test
	void namingThatFailsAfterTheSpawnCarriesTheNewSession() {
		server.faults().metadataAck("*", MetadataAckFault.ERROR);
		Throwable failure = catchThrowable(() -> this.client.spawnSession(this.daemon.machineId(), DIRECTORY,
				SpawnOptions.DEFAULTS.withName("Nightly build")));
		assertThat(failure).isInstanceOf(MetadataUpdateException.class);
		String id = ((MetadataUpdateException) failure).sessionId();
		assertThat(id).isNotNull();
		assertThat(this.daemon.runningSessions()).containsExactly(id);
		server.faults().metadataAck("*", null);
		assertThat(this.client.getSession(id).name()).isNull();
		this.client.stopSession(id);
		assertThat(this.daemon.runningSessions()).isEmpty();
	}

	@SpecItem("HAPPY-8.5.4")
	@SpecItem("HAPPY-10.6")
	@Test
	void missingDirectoryNeedsCreateDir() {
		try (FakeHappyDaemon strict = FakeHappyDaemon.builder(this.account)
			.directoryExists((directory) -> false)
			.start()) {
			assertThatExceptionOfType(SpawnRefusedException.class)
				.isThrownBy(() -> this.client.spawnSession(strict.machineId(), "/new/dir"))
				.withMessageContaining("createDir");
			String id = this.client.spawnSession(strict.machineId(), "/new/dir",
					SpawnOptions.DEFAULTS.withCreateDir(true));
			assertThat(strict.runningSessions()).contains(id);
		}
	}

	@SpecItem("HAPPY-8.5.4")
	@SpecItem("HAPPY-10.6")
	@Test
	void failedSpawnCarriesTheDaemonsError() {
		this.daemon.failSpawns("Session webhook timeout for PID 1234");
		assertThatExceptionOfType(SpawnException.class)
			.isThrownBy(() -> this.client.spawnSession(this.daemon.machineId(), DIRECTORY))
			.isNotInstanceOf(SpawnRefusedException.class)
			.withMessageContaining("Session webhook timeout for PID 1234");
	}

	@SpecItem("HAPPY-8.5.4")
	@SpecItem("HAPPY-10.6")
	@Test
	void spawnTheDaemonRefusesIsARefusal() {
		assertThatExceptionOfType(SpawnRefusedException.class)
			.isThrownBy(() -> this.client.spawnSession(this.daemon.machineId(), ""))
			.withMessageContaining("Directory is required");
		this.daemon.failSpawns("Unable to create directory at '/root/x'. EACCES: permission denied");
		assertThatExceptionOfType(SpawnRefusedException.class)
			.isThrownBy(() -> this.client.spawnSession(this.daemon.machineId(), "/root/x"))
			.withMessageContaining("Unable to create directory at '/root/x'");
		assertThat(this.daemon.runningSessions()).isEmpty();
	}

	private void agentStateFirst(boolean stateFirst) {
		server.faults().agentStateBeforeMessage("*", stateFirst);
	}

	/**
	 * Blocks until a turn wait has caught up with the session after the latest prompt: it
	 * read the messages after the prompt, then the session with its agent state, then the
	 * messages again. What the agent does from then on reaches the wait live only.
	 */
	private static void awaitTurnWaitCaughtUp() {
		await().atMost(WAIT).until(() -> readsOfMessagesAfterTheLatestPrompt(server.requests()) >= 2);
	}

	private static long readsOfMessagesAfterTheLatestPrompt(List<ReceivedRequest> requests) {
		for (int i = requests.size() - 1; i >= 0; i--) {
			ReceivedRequest prompt = requests.get(i);
			if (prompt.method().equals("POST") && prompt.path().endsWith("/messages")) {
				return requests.subList(i + 1, requests.size())
					.stream()
					.filter((read) -> read.method().equals("GET") && read.path().equals(prompt.path()))
					.count();
			}
		}
		return 0;
	}

	@SpecItem("HAPPY-9.2.1")
	@SpecItem("HAPPY-9.3.1")
	@ParameterizedTest(name = "agent state first: {0}")
	@ValueSource(booleans = { false, true })
	void turnIsSentAndWaitedFor(boolean stateFirst) {
		agentStateFirst(stateFirst);
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		long seq = this.client.sendMessage(id, "Hello");
		this.client.waitForTurnCompletion(id, WAIT);
		List<Message> messages = this.client.getMessages(id);
		assertThat(messages).extracting(Message::seq).contains(seq);
		assertThat(messages).anySatisfy((message) -> assertThat(message.role()).isEqualTo("session"));
		this.client.waitForIdle(id, WAIT);
	}

	@Test
	void promptSentRightAfterTheSpawnReachesAnAgentThatConnectsLate() {
		try (FakeHappyDaemon slow = FakeHappyDaemon.builder(this.account)
			.agentConnectDelay(Duration.ofMillis(500))
			.start()) {
			String id = this.client.spawnSession(slow.machineId(), DIRECTORY, SpawnOptions.DEFAULTS.withName("Late"));
			this.client.sendMessage(id, "Hello");
			this.client.waitForTurnCompletion(id, WAIT);
			assertThat(this.client.getSession(id).name()).isEqualTo("Late");
		}
	}

	@SpecItem("HAPPY-9.3.3")
	@Test
	void idleWaitCanRequireTheAgentNotToBeThinking() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		this.client.sendMessage(id, "Hello");
		this.client.waitForTurnCompletion(id, WAIT);
		this.client.waitForIdle(id, WAIT, true);
	}

	@SpecItem("HAPPY-8.9.3")
	@Test
	void defaultPermissionModeGoesByTheNameTheSessionsAgentAccepts() {
		String claude = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		String codex = this.client.spawnSession(this.daemon.machineId(), DIRECTORY,
				SpawnOptions.DEFAULTS.withAgent(Agent.CODEX));
		this.client.sendMessage(claude, "Hello");
		this.client.sendMessage(codex, "Hello");
		assertThat(this.client.getMessages(claude).get(0).content()).extracting("meta")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("permissionMode", "bypassPermissions");
		assertThat(this.client.getMessages(codex).get(0).content()).extracting("meta")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("permissionMode", "yolo");
	}

	@SpecItem("HAPPY-9.2.2")
	@ParameterizedTest(name = "agent state first: {0}")
	@ValueSource(booleans = { false, true })
	void legacyReadyTurnIsWaitedFor(boolean stateFirst) {
		agentStateFirst(stateFirst);
		this.daemon.behaviour(AgentBehaviour.LEGACY_READY);
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		this.client.sendMessage(id, "Hello");
		this.client.waitForTurnCompletion(id, WAIT);
	}

	@SpecItem("HAPPY-3.5.2")
	@Test
	void dataKeySessionsWorkToo() {
		try (FakeHappyDaemon dataKey = FakeHappyDaemon.builder(this.account)
			.encryption(EncryptionVariant.DATA_KEY)
			.start()) {
			assertThat(this.client.getMachine(dataKey.machineId()).metadata()).containsKey("host");
			String id = this.client.spawnSession(dataKey.machineId(), DIRECTORY,
					SpawnOptions.DEFAULTS.withName("Keyed"));
			this.client.sendMessage(id, "Hello");
			this.client.waitForTurnCompletion(id, WAIT);
			assertThat(this.client.getSession(id).name()).isEqualTo("Keyed");
			this.client.stopSession(id);
			assertThat(dataKey.runningSessions()).doesNotContain(id);
		}
	}

	@SpecItem("HAPPY-9.2.3")
	@ParameterizedTest(name = "agent state first: {0}")
	@ValueSource(booleans = { false, true })
	void agentWithoutClaudeEndsTheTurnByGoingIdleAfterProcessExited(boolean stateFirst) {
		agentStateFirst(stateFirst);
		CompletableFuture<Void> cue = new CompletableFuture<>();
		this.daemon.behaviour(AgentBehaviour.PROCESS_EXITED).answerOnCue(cue);
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		this.client.sendMessage(id, "Hello");
		CompletableFuture<Void> wait = this.client.reactive().waitForTurnCompletion(id, WAIT).toFuture();
		awaitTurnWaitCaughtUp();
		cue.complete(null);
		assertThat(wait).succeedsWithin(WAIT);
		assertThat(this.client.getMessages(id))
			.anySatisfy((message) -> assertThat(message.content().toString()).contains("Process exited unexpectedly"));
	}

	@SpecItem("HAPPY-8.6.1")
	@SpecItem("HAPPY-9.1.1")
	@Test
	void stopSessionKillsTheAgent() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY, SpawnOptions.DEFAULTS.withName("n"));
		this.client.stopSession(id);
		assertThat(this.daemon.runningSessions()).doesNotContain(id);
		awaitInactive(id);
		assertThat(this.client.getSession(id).name()).isEqualTo("n");
	}

	@SpecItem("HAPPY-8.6.1")
	@Test
	void stopOfAStoppedSessionSendsNothing() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		this.client.stopSession(id);
		awaitInactive(id);
		server.faults().rpcNeverAcked("*:killSession");
		try (HappyClient impatient = client().rpcTimeout(Duration.ofSeconds(1)).buildBlocking()) {
			impatient.stopSession(id);
		}
		assertThat(this.client.getSession(id).metadata()).containsEntry("lifecycleState", "archived");
	}

	@SpecItem("HAPPY-8.6.1")
	@Test
	void stopSessionArchivesTheSessionWhenTheAgentsArchiveWriteIsLost() {
		this.daemon.dropArchiveWrites(true);
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY, SpawnOptions.DEFAULTS.withName("n"));
		this.client.stopSession(id);
		Session stopped = this.client.getSession(id);
		assertThat(stopped.metadata()).containsEntry("lifecycleState", "archived")
			.containsEntry("archiveReason", "User terminated")
			.containsKey("lifecycleStateSince");
		assertThat(stopped.name()).isEqualTo("n");
		assertThat(stopped.active()).isFalse();
		assertThatExceptionOfType(SessionArchivedException.class).isThrownBy(() -> this.client.waitForIdle(id, WAIT))
			.satisfies((ex) -> assertThat(ex.sessionId()).isEqualTo(id));
		this.client.sendMessage(id, "Anyone there?");
		assertThatExceptionOfType(SessionArchivedException.class)
			.isThrownBy(() -> this.client.waitForTurnCompletion(id, WAIT));
		server.faults().rpcNeverAcked("*:killSession");
		try (HappyClient impatient = client().rpcTimeout(Duration.ofSeconds(1)).buildBlocking()) {
			impatient.stopSession(id);
		}
	}

	@SpecItem("HAPPY-8.6.1")
	@Test
	void stopSessionKeepsTheArchiveTheAgentWrote() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		this.client.stopSession(id);
		Session stopped = this.client.getSession(id);
		assertThat(stopped.metadata()).containsEntry("lifecycleState", "archived").containsEntry("archivedBy", "cli");
		assertThat(stopped.active()).isFalse();
	}

	@SpecItem("HAPPY-8.6.2")
	@Test
	void stopSessionOfACrashedAgentArchivesIt() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		this.daemon.crashAgent(id);
		this.client.stopSession(id);
		assertThat(this.client.isAlive(id)).isFalse();
		assertThat(this.client.getSession(id).metadata()).containsEntry("lifecycleState", "archived");
	}

	@SpecItem("HAPPY-8.6.4")
	@Test
	void stopSessionWithOnlyTheMachineKeyStopsThroughTheMachineAndArchives() {
		byte[] machineKey = randomKey();
		try (FakeHappyDaemon linked = FakeHappyDaemon.builder(this.account).machineKey(machineKey).start();
				HappyClient machineClient = machineKeyClient(machineKey)) {
			String id = this.client.spawnSession(linked.machineId(), DIRECTORY);
			assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> machineClient.getSession(id));
			server.faults().rpcNeverAcked("*:killSession");
			machineClient.stopSession(id);
			assertThat(linked.runningSessions()).doesNotContain(id);
			assertThat(this.client.isAlive(id)).isFalse();
		}
	}

	@SpecItem("HAPPY-8.7.1")
	@Test
	void deletedSpawnedSessionIsGone() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		this.client.stopSession(id);
		this.client.deleteSession(id);
		assertThat(this.client.listSessions()).extracting(Session::id).doesNotContain(id);
	}

	@SpecItem("HAPPY-8.11.1")
	@ParameterizedTest(name = "agent state first: {0}")
	@ValueSource(booleans = { false, true })
	void runTaskSpawnsSendsWaitsAndStops(boolean stateFirst) {
		agentStateFirst(stateFirst);
		String id = this.client.runTask(this.daemon.machineId(), DIRECTORY, "Summarise this week's PRs", Agent.CLAUDE,
				WAIT);
		assertThat(this.daemon.runningSessions()).doesNotContain(id);
		assertThat(this.client.getMessages(id)).first()
			.satisfies((message) -> assertThat(message.content()).containsEntry("role", "user"));
	}

	@SpecItem("HAPPY-8.11.1")
	@SpecItem("HAPPY-9.2.3")
	@ParameterizedTest(name = "agent state first: {0}")
	@ValueSource(booleans = { false, true })
	void runTaskOfAnAgentWithoutClaudeEndsWhenItGoesIdle(boolean stateFirst) {
		agentStateFirst(stateFirst);
		CompletableFuture<Void> cue = new CompletableFuture<>();
		this.daemon.behaviour(AgentBehaviour.PROCESS_EXITED).answerOnCue(cue);
		CompletableFuture<String> task = this.client.reactive()
			.runTask(this.daemon.machineId(), DIRECTORY, "Hello", Agent.CLAUDE, WAIT)
			.toFuture();
		awaitTurnWaitCaughtUp();
		cue.complete(null);
		String id = task.join();
		assertThat(this.daemon.runningSessions()).doesNotContain(id);
		assertThat(this.client.getMessages(id))
			.anySatisfy((message) -> assertThat(message.content().toString()).contains("Process exited unexpectedly"));
	}

	@SpecItem("HAPPY-8.11.2")
	@Test
	void runTaskThatTimesOutStillStopsTheSession() {
		this.daemon.behaviour(AgentBehaviour.SILENT);
		assertThatExceptionOfType(HappyTimeoutException.class).isThrownBy(() -> this.client
			.runTask(this.daemon.machineId(), DIRECTORY, "Hello", Agent.CLAUDE, Duration.ofSeconds(2)));
		assertThat(this.daemon.runningSessions()).isEmpty();
	}

	@SpecItem("HAPPY-8.11.4")
	@ParameterizedTest(name = "agent state first: {0}")
	@ValueSource(booleans = { false, true })
	void runTaskTellsItsProgressEveryMessageInOrderAndStops(boolean stateFirst) {
		agentStateFirst(stateFirst);
		RecordedProgress progress = new RecordedProgress();
		String id = this.client.runTask(this.daemon.machineId(), DIRECTORY, "Summarise this week's PRs", Agent.CLAUDE,
				WAIT, progress);
		assertThat(progress.sessions).containsExactly(id);
		assertThat(progress.messages).extracting(Message::seq)
			.containsExactlyElementsOf(this.client.getMessages(id).stream().map(Message::seq).toList());
		assertThat(progress.messages).extracting(DaemonEndToEndTests::kind)
			.containsExactly("user", "turn-start", "text", "turn-end");
		assertThat(this.daemon.runningSessions()).doesNotContain(id);
	}

	@SpecItem("HAPPY-8.11.4")
	@Test
	void runTaskWithProgressThatTimesOutStillStopsTheSession() {
		this.daemon.behaviour(AgentBehaviour.SILENT);
		RecordedProgress progress = new RecordedProgress();
		assertThatExceptionOfType(HappyTimeoutException.class).isThrownBy(() -> this.client
			.runTask(this.daemon.machineId(), DIRECTORY, "Hello", Agent.CLAUDE, Duration.ofSeconds(2), progress));
		assertThat(progress.sessions).hasSize(1);
		assertThat(this.daemon.runningSessions()).isEmpty();
	}

	@SpecItem("HAPPY-8.11.3")
	@Test
	void runTaskWithOnlyTheMachineKeyFailsBeforeSpawning() {
		byte[] machineKey = randomKey();
		RecordedProgress progress = new RecordedProgress();
		try (FakeHappyDaemon linked = FakeHappyDaemon.builder(this.account).machineKey(machineKey).start();
				HappyClient machineClient = machineKeyClient(machineKey)) {
			assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(
					() -> machineClient.runTask(linked.machineId(), DIRECTORY, "Hello", Agent.CLAUDE, WAIT, progress));
			assertThat(progress.sessions).isEmpty();
			assertThat(this.client.listSessions()).isEmpty();
		}
	}

	@SpecItem("HAPPY-8.5.2")
	@SpecItem("HAPPY-10.3")
	@Test
	void offlineMachineIsReported() {
		server.faults().machineOffline(this.daemon.machineId(), true);
		assertThatExceptionOfType(MachineOfflineException.class)
			.isThrownBy(() -> this.client.spawnSession(this.daemon.machineId(), DIRECTORY));
	}

	@SpecItem("HAPPY-10.9")
	@Test
	void socketDroppedMidRpcIsAConnectionFailureAndTheClientRecovers() {
		server.faults().dropCallerDuringRpc("*:spawn-happy-session");
		assertThatExceptionOfType(HappyConnectionException.class)
			.isThrownBy(() -> this.client.spawnSession(this.daemon.machineId(), DIRECTORY));
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		assertThat(this.daemon.runningSessions()).contains(id);
	}

	@SpecItem("HAPPY-11.2")
	@Test
	void unansweredStopIsATimeout() {
		String id = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		server.faults().rpcNeverAcked("*:killSession");
		try (HappyClient impatient = client().rpcTimeout(Duration.ofSeconds(1)).buildBlocking()) {
			assertThatExceptionOfType(HappyTimeoutException.class).isThrownBy(() -> impatient.stopSession(id));
		}
	}

	/**
	 * A client holding only a machine key, as credentials from the current CLI's
	 * {@code access.key} do.
	 */
	private HappyClient machineKeyClient(byte[] machineKey) {
		HappyCredentials credentials = HappyCredentials.of(server.url(), this.account.token(),
				Base64.getEncoder().encodeToString(machineKey));
		return ReactiveHappyClient.builder(credentials)
			.rpcTimeout(WAIT)
			.connectTimeout(Duration.ofSeconds(10))
			.buildBlocking();
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	private static String kind(Message message) {
		if ("session".equals(message.role()) && message.content().get("content") instanceof Map<?, ?> envelope
				&& envelope.get("ev") instanceof Map<?, ?> ev) {
			return String.valueOf(ev.get("t"));
		}
		return message.role();
	}

	private void awaitInactive(String id) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			while (this.client.isAlive(id) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		assertThat(this.client.isAlive(id)).isFalse();
	}

	/**
	 * What a task told its progress.
	 */
	private static final class RecordedProgress implements TaskProgress {

		private final List<String> sessions = new CopyOnWriteArrayList<>();

		private final List<Message> messages = new CopyOnWriteArrayList<>();

		@Override
		public void spawned(String sessionId) {
			this.sessions.add(sessionId);
		}

		@Override
		public void message(Message message) {
			this.messages.add(message);
		}

	}

}
