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

package io.github.agentprotocols.happy.fidelity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.Machine;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.Session;
import io.github.agentprotocols.happy.SessionArchivedException;
import io.github.agentprotocols.happy.SpawnException;
import io.github.agentprotocols.happy.SpawnOptions;
import io.github.agentprotocols.happy.crypto.AccountIdentity;
import io.github.agentprotocols.happy.crypto.AuthChallenge;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * The fake server's fidelity, proven by a peer we did not write: the real machine daemon
 * {@code happy-coder@0.13.0} from npm runs against {@link FakeHappyServer} with a fresh
 * account, and our client drives it end to end — machine listing and decryption, a spawn
 * refused for a missing directory, spawn, idle detection, naming, a prompt (answered
 * "Process exited unexpectedly", since no Claude Code is reachable; read back and seen
 * live) whose permission mode the agent accepts and whose turn the client sees end
 * although the server delivers the agent's idle state before that answer,
 * {@code killSession} (the agent archives the session, keeping its name), repeated stops
 * that leave each session archived and inactive also when the agent's own archive write
 * is lost, and a daemon stop that leaves no process behind. A second daemon, linked with
 * a data-key {@code access.key}, repeats the stops on sessions sealed with wrapped data
 * keys. {@code src/test/node/README.md} says what the daemon needs from a server and how
 * it is kept off the internet.
 */
class RealDaemonFidelityIT {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/**
	 * How many sessions are spawned and stopped after the main run: every other one with
	 * the agent's archive write made to lose a version race, which happy-coder 0.13.0
	 * never retries before it exits (the loss seen in 7 of 122 stops against the real
	 * server); the others as they come.
	 */
	private static final int STOPS = 6;

	/**
	 * How many sessions a data-key daemon spawns and has stopped, half of them racing.
	 */
	private static final int DATA_KEY_STOPS = 2;

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	@TempDir
	Path root;

	@SpecItem("HAPPY-12.1")
	@Test
	void realDaemonRegistersSpawnsAnswersAndIsKilledThroughTheFakeServer() throws Exception {
		withDaemon(EncryptionVariant.LEGACY, (server, token, daemon, client) -> {
			// The order that failed against the real server: the agent's idle state
			// reaches the client before the message it follows.
			server.faults().agentStateBeforeMessage("*", true);
			exercise(server, daemon, client);
		});
	}

	@SpecItem("HAPPY-12.1")
	@Test
	void dataKeyDaemonsStoppedSessionsAreArchivedThroughTheFakeServer() throws Exception {
		withDaemon(EncryptionVariant.DATA_KEY, (server, token, daemon, client) -> {
			daemon.start();
			running(client, daemon.machineId());
			Path project = Files.createDirectories(this.root.resolve("project"));
			stopRepeatedly(server, daemon.machineId(), project, client, DATA_KEY_STOPS);
			assertThat(sessionsAsStored(server, token)).as("sessions sealed with wrapped data keys")
				.doesNotContain("\"dataEncryptionKey\":null")
				.contains("\"dataEncryptionKey\":\"");
			daemon.stop();
		});
	}

	/**
	 * Runs a fidelity test with a fresh fake server, account, real daemon (not started)
	 * of the given scheme and client; a failure carries the daemon's logs.
	 */
	private void withDaemon(EncryptionVariant variant, DaemonTest test) throws Exception {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try (FakeHappyServer server = FakeHappyServer.start()) {
			String token = login(server, secret);
			try (RealHappyDaemon daemon = RealHappyDaemon.prepare(this.root, server.url(), token, secret, variant);
					HappyClient client = HappyClient
						.create(HappyCredentials.of(server.url(), token, Base64.getEncoder().encodeToString(secret)))) {
				try {
					test.run(server, token, daemon, client);
				}
				catch (AssertionError | RuntimeException ex) {
					throw new AssertionError(ex.getMessage() + "\n--- daemon logs ---\n" + daemon.logs(), ex);
				}
			}
		}
	}

	private static Machine running(HappyClient client, String machineId) {
		return eventually("the daemon's machine, running",
				() -> client.listMachines()
					.stream()
					.filter((candidate) -> candidate.id().equals(machineId))
					.filter((candidate) -> candidate.daemonState() != null
							&& "running".equals(candidate.daemonState().get("status")))
					.findFirst());
	}

	private void exercise(FakeHappyServer server, RealHappyDaemon daemon, HappyClient client) throws Exception {
		daemon.start();
		String machineId = daemon.machineId();

		Machine machine = running(client, machineId);
		assertThat(machine.metadata()).containsEntry("happyCliVersion", "0.13.0")
			.containsEntry("happyHomeDir", this.root.resolve("happy-home").toString())
			.containsKeys("host", "platform", "homeDir", "happyLibDir");
		assertThat(machine.daemonState()).containsEntry("pid", daemon.pid());

		Path missing = this.root.resolve("not-yet");
		assertThatExceptionOfType(SpawnException.class)
			.isThrownBy(() -> client.spawnSession(machineId, missing.toString()));
		assertThat(missing).doesNotExist();

		Path project = Files.createDirectories(this.root.resolve("project"));
		// Named at spawn: the client waits for the agent's socket before naming, so
		// happy-coder 0.13.0 (which replays nothing it missed) hears the name and keeps
		// it.
		String sessionId = client.spawnSession(machineId, project.toString(),
				SpawnOptions.DEFAULTS.withName("Fidelity run"));
		Session spawned = client.getSession(sessionId);
		assertThat(spawned.name()).isEqualTo("Fidelity run");
		assertThat(spawned.metadata()).containsEntry("path", project.toString())
			.containsEntry("machineId", machineId)
			.containsEntry("startedBy", "daemon")
			.containsEntry("flavor", "claude")
			.containsEntry("lifecycleState", "running");
		assertThat(spawned.active()).isTrue();

		client.waitForIdle(sessionId, PATIENCE);
		assertThat(client.getSession(sessionId).decryptedAgentState()).containsEntry("controlledByUser", false);
		assertThat(client.getSession(sessionId).metadata().get("summary")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("text", "Fidelity run");

		CompletableFuture<Message> live = client.reactive()
			.messages(sessionId)
			.filter((message) -> "Process exited unexpectedly".equals(eventMessage(message)))
			.next()
			.toFuture();
		long sent = client.sendMessage(sessionId, "Say hello");
		client.waitForTurnCompletion(sessionId, PATIENCE);
		Message answer = eventually("the agent's answer to the prompt",
				() -> client.getMessages(sessionId)
					.stream()
					.filter((message) -> message.seq() > sent)
					.filter((message) -> "Process exited unexpectedly".equals(eventMessage(message)))
					.findFirst());
		assertThat(answer.role()).isEqualTo("agent");
		assertThat(live.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).seq()).as("the answer, live")
			.isEqualTo(answer.seq());
		String accepted = eventually("the agent's log of the prompt's permission mode", () -> Optional.of(daemon.logs())
			.filter((logs) -> logs.contains("Permission mode updated from user message to: bypassPermissions")));
		assertThat(accepted).doesNotContain("Invalid permission mode");

		client.stopSession(sessionId);
		Session archived = eventually("the killed session, archived by its agent", () -> Optional
			.of(client.getSession(sessionId))
			.filter((session) -> "archived".equals(session.metadata().get("lifecycleState")) && !session.active()),
				() -> client.getSession(sessionId));
		assertThat(archived.name()).isEqualTo("Fidelity run");
		assertThat(archived.metadata()).containsEntry("archivedBy", "cli")
			.containsEntry("archiveReason", "User terminated");

		stopRepeatedly(server, machineId, project, client, STOPS);

		daemon.stop();
		Machine stopped = client.getMachine(machineId);
		assertThat(stopped.daemonState()).containsEntry("status", "shutting-down");
		List<ProcessHandle> left = eventually("no process left",
				() -> Optional.of(liveProcesses(daemon)).filter(List::isEmpty));
		assertThat(left).isEmpty();
	}

	/**
	 * Spawns and stops sessions one after the other: each stop returns with the session
	 * archived and inactive, whether the agent's own archive write landed or not, and a
	 * wait on it fails at once.
	 */
	private void stopRepeatedly(FakeHappyServer server, String machineId, Path project, HappyClient client, int stops) {
		int lost = 0;
		for (int i = 0; i < stops; i++) {
			String sessionId = client.spawnSession(machineId, project.toString(),
					SpawnOptions.DEFAULTS.withName("Stop " + i));
			if (i % 2 == 0) {
				server.faults().metadataVersionMismatch(sessionId, 1);
			}
			client.stopSession(sessionId);
			Session stopped = client.getSession(sessionId);
			assertThat(stopped.metadata()).as("stop %d", i).containsEntry("lifecycleState", "archived");
			assertThat(stopped.name()).as("stop %d", i).isEqualTo("Stop " + i);
			assertThat(stopped.active()).as("stop %d", i).isFalse();
			assertThatExceptionOfType(SessionArchivedException.class)
				.isThrownBy(() -> client.waitForIdle(sessionId, PATIENCE));
			client.stopSession(sessionId);
			if (!"cli".equals(stopped.metadata().get("archivedBy"))) {
				lost++;
			}
		}
		System.out.println("RealDaemonFidelityIT: the agent's archive write was lost in " + lost + " of " + stops
				+ " stops; the client archived those sessions");
		assertThat(lost).as("stops whose archive the client wrote").isPositive();
	}

	private static List<ProcessHandle> liveProcesses(RealHappyDaemon daemon) {
		try {
			return daemon.liveProcesses();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String eventMessage(Message message) {
		if (message.content().get("content") instanceof Map<?, ?> content && "event".equals(content.get("type"))
				&& content.get("data") instanceof Map<?, ?> data && "message".equals(data.get("type"))
				&& data.get("message") instanceof String text) {
			return text;
		}
		return null;
	}

	private static <T> T eventually(String what, Supplier<Optional<T>> probe) {
		return eventually(what, probe, () -> "(nothing)");
	}

	private static <T> T eventually(String what, Supplier<Optional<T>> probe, Supplier<Object> lastSeen) {
		try {
			return Awaitility.await(what)
				.atMost(PATIENCE)
				.pollInterval(Duration.ofMillis(200))
				.ignoreExceptions()
				.until(probe::get, Optional::isPresent)
				.get();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + "\nlast seen: " + lastSeen.get(), ex);
		}
	}

	/**
	 * The account's session records as the fake server stores them.
	 */
	private static String sessionsAsStored(FakeHappyServer server, String token)
			throws IOException, InterruptedException {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/sessions"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/**
	 * A token for the master secret's account from the fake's {@code POST /v1/auth}, as
	 * spec §12 describes.
	 */
	private static String login(FakeHappyServer server, byte[] secret) throws IOException, InterruptedException {
		AuthChallenge challenge = AuthChallenge.sign(AccountIdentity.fromMasterSecret(secret));
		String body = "{\"publicKey\":\"" + challenge.publicKey() + "\",\"challenge\":\"" + challenge.challenge()
				+ "\",\"signature\":\"" + challenge.signature() + "\"}";
		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/auth"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			fail("login failed: " + response.statusCode() + " " + response.body());
		}
		return token.group(1);
	}

	/**
	 * The body of a fidelity test.
	 */
	@FunctionalInterface
	private interface DaemonTest {

		void run(FakeHappyServer server, String token, RealHappyDaemon daemon, HappyClient client) throws Exception;

	}

}
