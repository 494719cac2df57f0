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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.agentprotocols.happy.crypto.ContentKeyPair;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real Happy machine daemon ({@code happy-coder} from npm, installed in
 * {@code src/test/node} by {@code .ci/run}), run with its own {@code HAPPY_HOME_DIR} and
 * an environment that keeps it on the given server and away from any installed Claude
 * Code.
 * <p>
 * {@link #close()} ends every process this daemon's home started (the daemon, the agents
 * it spawned and their children), which it finds by the pids the CLI writes into its log
 * file names, checked against their command lines.
 */
final class RealHappyDaemon implements AutoCloseable {

	private static final Path PACKAGE = Path.of("src/test/node/node_modules/happy-coder");

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * The niceness of the daemon and the agents it spawns: above the build's processes,
	 * where the user may raise it (as root can; otherwise {@code nice} runs it
	 * unchanged). happy-coder waits a fixed 15 s for a spawned agent to report, and an
	 * agent's Node.js start took 13 s on two cores that the build's other tests kept
	 * busy.
	 */
	private static final String PRIORITY = "-10";

	private static final Pattern PID_IN_STATE = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");

	private static final Pattern PID_IN_LOG_NAME = Pattern.compile("-pid-(\\d+)(?:-daemon)?\\.log$");

	private static final List<String> INHERITED_VARIABLES_TO_DROP = List.of("DEBUG",
			"DANGEROUSLY_LOG_TO_SERVER_FOR_AI_AUTO_DEBUGGING", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN",
			"CLAUDE_CODE_OAUTH_TOKEN", "HAPPY_EXPERIMENTAL", "HAPPY_USE_BUNDLED_CLAUDE", "HAPPY_WEBAPP_URL",
			"HAPPY_DAEMON_HEARTBEAT_INTERVAL", "HAPPY_DAEMON_HTTP_TIMEOUT", "HAPPY_TOKEN", "HAPPY_SECRET");

	private final Path root;

	private final Path home;

	private final String machineId;

	private final Map<String, String> environment;

	private final Set<ProcessHandle> seen = new LinkedHashSet<>();

	private RealHappyDaemon(Path root, String machineId, Map<String, String> environment) {
		this.root = root;
		this.home = root.resolve("happy-home");
		this.machineId = machineId;
		this.environment = environment;
	}

	/**
	 * Prepare a daemon home under {@code root} holding a legacy {@code access.key} (token
	 * and master secret) and a {@code settings.json} naming a fresh machine id.
	 * @param root an empty scratch directory owned by the test
	 * @param serverUrl the Happy server the daemon talks to
	 * @param token the account's token
	 * @param secret the account's 32-byte master secret
	 * @return the daemon, not started
	 * @throws IOException if the files cannot be written
	 */
	static RealHappyDaemon prepare(Path root, String serverUrl, String token, byte[] secret) throws IOException {
		return prepare(root, serverUrl, token, secret, EncryptionVariant.LEGACY);
	}

	/**
	 * Prepare a daemon home as {@link #prepare(Path, String, String, byte[])} does, its
	 * {@code access.key} for the given scheme: legacy (the master secret) or data-key
	 * (the account's content public key and a random machine key, as a CLI linked by the
	 * current terminal flow writes it; records are then sealed with random data keys
	 * wrapped to that public key).
	 * @param root an empty scratch directory owned by the test
	 * @param serverUrl the Happy server the daemon talks to
	 * @param token the account's token
	 * @param secret the account's 32-byte master secret
	 * @param variant the encryption scheme
	 * @return the daemon, not started
	 * @throws IOException if the files cannot be written
	 */
	static RealHappyDaemon prepare(Path root, String serverUrl, String token, byte[] secret, EncryptionVariant variant)
			throws IOException {
		if (!Files.isRegularFile(PACKAGE.resolve("bin/happy.mjs"))) {
			fail("happy-coder is not installed: run 'npm ci --prefix "
					+ PACKAGE.getParent().getParent().toAbsolutePath() + "'; .ci/run does it");
		}
		String machineId = UUID.randomUUID().toString();
		Path home = root.resolve("happy-home");
		Files.createDirectories(home);
		Files.writeString(home.resolve("access.key"), accessKey(token, secret, variant), StandardCharsets.UTF_8);
		Files.writeString(home.resolve("settings.json"),
				"{\"schemaVersion\":2,\"onboardingCompleted\":true,\"machineId\":\"" + machineId + "\"}",
				StandardCharsets.UTF_8);
		Path userHome = Files.createDirectories(root.resolve("user-home"));
		Map<String, String> environment = new HashMap<>(System.getenv());
		INHERITED_VARIABLES_TO_DROP.forEach(environment::remove);
		environment.put("HAPPY_HOME_DIR", home.toString());
		environment.put("HAPPY_SERVER_URL", serverUrl);
		// Claude Code must not be found: the start-up probe honours HAPPY_CLAUDE_PATH,
		// the
		// prompt launcher searches `npm root -g` and the user's home.
		environment.put("HAPPY_CLAUDE_PATH", root.resolve("no-claude").toString());
		environment.put("npm_config_prefix", Files.createDirectories(root.resolve("npm-prefix")).toString());
		environment.put("HOME", userHome.toString());
		environment.put("USERPROFILE", userHome.toString());
		return new RealHappyDaemon(root, machineId, Map.copyOf(environment));
	}

	private static String accessKey(String token, byte[] secret, EncryptionVariant variant) {
		Base64.Encoder base64 = Base64.getEncoder();
		if (variant == EncryptionVariant.LEGACY) {
			return "{\"token\":\"" + token + "\",\"secret\":\"" + base64.encodeToString(secret) + "\"}";
		}
		byte[] machineKey = new byte[32];
		new SecureRandom().nextBytes(machineKey);
		return "{\"token\":\"" + token + "\",\"encryption\":{\"publicKey\":\""
				+ base64.encodeToString(ContentKeyPair.fromMasterSecret(secret).publicKey()) + "\",\"machineKey\":\""
				+ base64.encodeToString(machineKey) + "\"}}";
	}

	String machineId() {
		return this.machineId;
	}

	/**
	 * Run {@code happy daemon start} and wait until the daemon's state file names a live
	 * process. The machine is registered with the server shortly after.
	 * @return the daemon's pid
	 * @throws IOException if the command cannot be run
	 * @throws InterruptedException if interrupted while waiting
	 */
	long start() throws IOException, InterruptedException {
		Process command = run("start");
		if (command.exitValue() != 0) {
			// `daemon start` gives the detached daemon 5 s to write its state file; on a
			// busy
			// machine Node alone can take longer, and the daemon comes up regardless.
			assertThat(output("start")).as("'happy daemon start' output").contains("Failed to start daemon");
			awaitStateFile();
		}
		long pid = pid();
		ProcessHandle.of(pid).ifPresent(this.seen::add);
		return pid;
	}

	/**
	 * Run {@code happy daemon stop} and wait for the daemon process to end.
	 * @throws IOException if the command cannot be run
	 * @throws InterruptedException if interrupted while waiting
	 */
	void stop() throws IOException, InterruptedException {
		long pid = pid();
		Process command = run("stop");
		assertThat(command.exitValue()).as("'happy daemon stop' exit code; output:%n%s", output("stop")).isZero();
		ProcessHandle.of(pid).ifPresent((daemon) -> awaitExit(List.of(daemon), COMMAND_TIMEOUT));
	}

	long pid() throws IOException {
		Path state = this.home.resolve("daemon.state.json");
		assertThat(state).as("the daemon's state file").exists();
		Matcher pid = PID_IN_STATE.matcher(Files.readString(state, StandardCharsets.UTF_8));
		assertThat(pid.find()).as("a pid in " + state).isTrue();
		return Long.parseLong(pid.group(1));
	}

	/**
	 * The processes started from this daemon's home that are still running: the daemon,
	 * the agents it spawned, and their children.
	 * @return the live processes
	 * @throws IOException if the log directory cannot be read
	 */
	List<ProcessHandle> liveProcesses() throws IOException {
		Set<ProcessHandle> roots = new LinkedHashSet<>(this.seen);
		Path logs = this.home.resolve("logs");
		if (Files.isDirectory(logs)) {
			try (Stream<Path> files = Files.list(logs)) {
				files.map((file) -> PID_IN_LOG_NAME.matcher(file.getFileName().toString()))
					.filter(Matcher::find)
					.map((pid) -> ProcessHandle.of(Long.parseLong(pid.group(1))))
					.flatMap(Optional::stream)
					.filter(RealHappyDaemon::runsHappy)
					.forEach(roots::add);
			}
		}
		this.seen.addAll(roots);
		Set<ProcessHandle> live = new LinkedHashSet<>();
		for (ProcessHandle process : roots) {
			if (process.isAlive()) {
				live.add(process);
				process.descendants().forEach(live::add);
			}
		}
		return new ArrayList<>(live);
	}

	/**
	 * Everything the daemon's logs say, for failure messages.
	 * @return the concatenated log files
	 */
	String logs() {
		Path logs = this.home.resolve("logs");
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.isDirectory(logs) ? Files.list(logs).sorted() : Stream.empty()) {
			for (Path file : (Iterable<Path>) files::iterator) {
				text.append("==> ").append(file.getFileName()).append('\n');
				text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
			}
		}
		catch (IOException ex) {
			text.append("(logs unreadable: ").append(ex).append(")\n");
		}
		return text.toString();
	}

	/**
	 * End every process still running from this daemon's home: SIGTERM first, so agents
	 * archive their sessions, then a forced kill for those that do not exit.
	 */
	@Override
	public void close() throws IOException {
		List<ProcessHandle> live = liveProcesses();
		live.forEach(ProcessHandle::destroy);
		List<ProcessHandle> stubborn = awaitExit(live, Duration.ofSeconds(5));
		stubborn.forEach(ProcessHandle::destroyForcibly);
		awaitExit(stubborn, Duration.ofSeconds(5));
	}

	private Process run(String daemonCommand) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("nice", "-n", PRIORITY, "node",
				PACKAGE.resolve("bin/happy.mjs").toAbsolutePath().toString(), "daemon", daemonCommand)
			.directory(this.root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(outputFile(daemonCommand).toFile());
		builder.environment().clear();
		builder.environment().putAll(this.environment);
		Process command = builder.start();
		this.seen.add(command.toHandle());
		if (!command.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			command.destroyForcibly();
			fail("'happy daemon " + daemonCommand + "' did not finish in " + COMMAND_TIMEOUT.toSeconds() + " s:\n"
					+ output(daemonCommand));
		}
		return command;
	}

	private void awaitStateFile() throws InterruptedException {
		Instant deadline = Instant.now().plus(COMMAND_TIMEOUT);
		Path state = this.home.resolve("daemon.state.json");
		while (Instant.now().isBefore(deadline)) {
			try {
				if (Files.exists(state) && ProcessHandle.of(pid()).filter(ProcessHandle::isAlive).isPresent()) {
					return;
				}
			}
			catch (IOException | AssertionError ex) {
				// not written completely yet
			}
			Thread.sleep(100);
		}
		fail("the daemon wrote no state file in " + COMMAND_TIMEOUT.toSeconds() + " s");
	}

	private Path outputFile(String daemonCommand) {
		return this.root.resolve("daemon-" + daemonCommand + ".out");
	}

	private String output(String daemonCommand) throws IOException {
		return Files.readString(outputFile(daemonCommand), StandardCharsets.UTF_8);
	}

	private static boolean runsHappy(ProcessHandle process) {
		return process.info().commandLine().filter((line) -> line.contains("happy-coder")).isPresent();
	}

	private static List<ProcessHandle> awaitExit(List<ProcessHandle> processes, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		List<ProcessHandle> alive = new ArrayList<>();
		for (ProcessHandle process : processes) {
			try {
				process.onExit()
					.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				alive.add(process);
			}
			catch (ExecutionException | TimeoutException ex) {
				if (process.isAlive()) {
					alive.add(process);
				}
			}
		}
		return alive;
	}

}
