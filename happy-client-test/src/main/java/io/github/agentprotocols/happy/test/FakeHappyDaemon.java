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

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.agentprotocols.happy.crypto.ContentKeyPair;
import io.github.agentprotocols.happy.crypto.DataEncryptionKey;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.test.FakeAgent.SocketJson;
import io.socket.client.Ack;
import io.socket.client.Socket;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A fake Happy machine daemon (spec §12), for end-to-end tests of controlling clients
 * against any Happy server: it registers its machine ({@code POST /v1/machines} with
 * encrypted metadata and daemon state), connects {@code machine-scoped}, reports
 * {@code running} and serves {@code <machineId>:spawn-happy-session} and
 * {@code stop-session}. Each spawn creates the session ({@code POST /v1/sessions}) and
 * plays its agent: a {@code session-scoped} socket, heartbeats, the agent state,
 * {@code <sessionId>:killSession}, and an answer to each user message as the
 * {@link AgentBehaviour} says.
 * <p>
 * Records are encrypted as a CLI holding the master secret does: legacy secretbox with
 * the secret (default), or, with {@link EncryptionVariant#DATA_KEY}, AES-GCM with a
 * random data key per record wrapped to the account's content key.
 */
public final class FakeHappyDaemon implements AutoCloseable {

	private static final Set<String> AGENTS = Set.of("claude", "codex", "gemini", "openclaw", "agy");

	private static final SecureRandom random = new SecureRandom();

	private final String serverUrl;

	private final String token;

	private final byte[] secret;

	private final String machineId;

	private final EncryptionVariant variant;

	private final Duration heartbeat;

	private final Duration agentConnectDelay;

	private final Predicate<String> directoryExists;

	private final Set<String> createdDirectories = ConcurrentHashMap.newKeySet();

	private final Map<String, FakeAgent> agents = new ConcurrentHashMap<>();

	private final Queue<FakeAgent> spawnOrder = new ConcurrentLinkedQueue<>();

	private final int maxRunningSessions;

	private final ScheduledExecutorService timer;

	private final RecordKey machineKey;

	private final Socket socket;

	private volatile AgentBehaviour behaviour;

	private volatile Function<String, String> reply;

	private volatile @Nullable String spawnError;

	private volatile boolean dropArchiveWrites;

	private volatile CompletableFuture<?> cue = CompletableFuture.completedFuture(null);

	private FakeHappyDaemon(Builder builder) {
		this.serverUrl = builder.serverUrl;
		this.token = builder.token;
		this.secret = builder.secret.clone();
		this.machineId = builder.machineId;
		this.variant = builder.variant;
		this.heartbeat = builder.heartbeat;
		this.agentConnectDelay = builder.agentConnectDelay;
		this.directoryExists = builder.directoryExists;
		this.maxRunningSessions = builder.maxRunningSessions;
		this.behaviour = builder.behaviour;
		this.reply = builder.reply;
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "fake-happy-daemon-" + this.machineId);
			thread.setDaemon(true);
			return thread;
		});
		byte[] dataKey = (this.variant != EncryptionVariant.DATA_KEY) ? null
				: (builder.machineKey != null) ? builder.machineKey.clone() : randomKey();
		this.machineKey = new RecordKey((dataKey != null) ? dataKey : this.secret, this.variant);
		long startedAt = System.currentTimeMillis();
		JsonNode machine = HappyHttp.post(this.serverUrl + "/v1/machines", this.token,
				Json.object("id", this.machineId, "metadata", this.machineKey.seal(machineMetadata()), "daemonState",
						this.machineKey.seal(daemonState("offline", startedAt)), "dataEncryptionKey", wrapped(dataKey)))
			.get("machine");
		long stateVersion = machine.path("daemonStateVersion").asLong();
		CountDownLatch registered = new CountDownLatch(2);
		this.socket = FakeSockets.socket(this.serverUrl,
				Map.of("token", this.token, "clientType", "machine-scoped", "machineId", this.machineId));
		this.socket.on(Socket.EVENT_CONNECT,
				(args) -> connected(daemonState("running", startedAt), new long[] { stateVersion }));
		this.socket.on("rpc-registered", (args) -> registered.countDown());
		this.socket.on("rpc-request", this::rpcRequest);
		this.socket.connect();
		try {
			if (!registered.await(30, TimeUnit.SECONDS)) {
				close();
				throw new IllegalStateException("The daemon's methods were not registered within 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new IllegalStateException("Interrupted while the daemon started", ex);
		}
		long interval = this.heartbeat.toMillis();
		this.timer.scheduleAtFixedRate(this::alive, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * A builder for a daemon of a test account.
	 * @param account the account; its master secret encrypts the daemon's records
	 * @return a new builder
	 */
	public static Builder builder(HappyTestAccount account) {
		return new Builder(account.serverUrl(), account.token(), account.secret());
	}

	/**
	 * A builder for a daemon of any account.
	 * @param serverUrl the server URL
	 * @param token the account's token
	 * @param masterSecret the account's 32-byte master secret
	 * @return a new builder
	 */
	public static Builder builder(String serverUrl, String token, byte[] masterSecret) {
		return new Builder(serverUrl, token, masterSecret);
	}

	/**
	 * Start a daemon with the defaults of {@link Builder}.
	 * @param account the account
	 * @return the running daemon, its methods registered
	 */
	public static FakeHappyDaemon start(HappyTestAccount account) {
		return builder(account).start();
	}

	/**
	 * The machine id.
	 * @return the id, a UUID unless set
	 */
	public String machineId() {
		return this.machineId;
	}

	/**
	 * The ids of the sessions whose agents still run.
	 * @return the session ids
	 */
	public List<String> runningSessions() {
		return this.agents.values().stream().filter(FakeAgent::isRunning).map(FakeAgent::sessionId).toList();
	}

	/**
	 * Change how the agents answer user messages, for sessions running and to come.
	 * @param behaviour the behaviour
	 * @return this daemon
	 */
	public FakeHappyDaemon behaviour(AgentBehaviour behaviour) {
		this.behaviour = behaviour;
		return this;
	}

	/**
	 * Hold the agents' answers to the user messages that arrive from now on until a cue
	 * completes, so that a test can start waiting for the turn first.
	 * @param cue completes when the agents may answer
	 * @return this daemon
	 */
	public FakeHappyDaemon answerOnCue(CompletableFuture<?> cue) {
		this.cue = cue;
		return this;
	}

	/**
	 * Make every spawn fail with {@code {"error": message}}, as a current daemon reports
	 * e.g. {@code Session webhook timeout for PID 1234}; {@code null} to spawn again.
	 * @param message the error, or {@code null}
	 * @return this daemon
	 */
	public FakeHappyDaemon failSpawns(@Nullable String message) {
		this.spawnError = message;
		return this;
	}

	/**
	 * Lose the archive write of every agent stopped from now on, as happy-coder 0.13.0
	 * does now and then: on {@code killSession} it queues its metadata write
	 * ({@code lifecycleState: archived}) without waiting for it, sends
	 * {@code session-end} and exits, so the write can be lost (or lose a version race it
	 * never retries). With the knob on, a stopped agent still ends and archives its
	 * session ({@code session-end}, {@code POST /v1/sessions/{id}/archive}) but leaves
	 * its metadata {@code lifecycleState: running}.
	 * @param drop whether the archive writes are lost
	 * @return this daemon
	 */
	public FakeHappyDaemon dropArchiveWrites(boolean drop) {
		this.dropArchiveWrites = drop;
		return this;
	}

	/**
	 * Crash an agent: its socket goes away without any cleanup, so its session stays
	 * active and its methods become unavailable.
	 * @param sessionId the session id
	 */
	public void crashAgent(String sessionId) {
		FakeAgent agent = this.agents.remove(sessionId);
		if (agent != null) {
			agent.kill();
		}
	}

	/**
	 * Disconnect the daemon and every agent, without cleanup (agents' sessions stay as
	 * they are). Idempotent.
	 */
	@Override
	public void close() {
		this.timer.shutdownNow();
		this.agents.values().forEach(FakeAgent::kill);
		this.agents.clear();
		this.spawnOrder.clear();
		this.socket.disconnect();
	}

	String serverUrl() {
		return this.serverUrl;
	}

	String token() {
		return this.token;
	}

	AgentBehaviour behaviour() {
		return this.behaviour;
	}

	boolean dropsArchiveWrites() {
		return this.dropArchiveWrites;
	}

	CompletableFuture<?> cue() {
		return this.cue;
	}

	Function<String, String> reply() {
		return this.reply;
	}

	void stopped(FakeAgent agent) {
		this.agents.remove(agent.sessionId(), agent);
		this.spawnOrder.remove(agent);
	}

	/**
	 * Stops the oldest running agents until at most the given number run.
	 */
	private void stopOldestBeyond(int running) {
		this.spawnOrder.removeIf((agent) -> !agent.isRunning());
		while (this.spawnOrder.size() > running) {
			FakeAgent oldest = this.spawnOrder.poll();
			if (oldest != null) {
				oldest.stop("Session stopped by daemon");
			}
		}
	}

	private void connected(Map<String, @Nullable Object> running, long[] version) {
		reportState(running, version, 10);
		for (String name : List.of("spawn-happy-session", "stop-session")) {
			this.socket.emit("rpc-register", SocketJson.object(Json.object("method", this.machineId + ":" + name)));
		}
	}

	private void reportState(Map<String, @Nullable Object> state, long[] version, int attempts) {
		this.socket.emit("machine-update-state", new Object[] { SocketJson.object(Json.object("machineId",
				this.machineId, "daemonState", this.machineKey.seal(state), "expectedVersion", version[0])) },
				(Ack) (args) -> {
					JsonNode ack = SocketJson.read(args);
					if (ack != null && "version-mismatch".equals(ack.path("result").asString("")) && attempts > 1) {
						version[0] = ack.path("version").asLong();
						reportState(state, version, attempts - 1);
					}
				});
	}

	private void alive() {
		if (this.socket.connected()) {
			this.socket.emit("machine-alive",
					SocketJson.object(Json.object("machineId", this.machineId, "time", System.currentTimeMillis())));
		}
	}

	private void rpcRequest(Object[] args) {
		JsonNode request = SocketJson.read(args);
		Ack ack = (args.length > 1 && args[args.length - 1] instanceof Ack callback) ? callback : null;
		if (request == null || ack == null) {
			return;
		}
		String method = request.path("method").asString("");
		Map<?, ?> params = params(request.path("params").asString(""));
		Map<String, @Nullable Object> result;
		try {
			if (method.equals(this.machineId + ":spawn-happy-session")) {
				result = spawn(params);
			}
			else if (method.equals(this.machineId + ":stop-session")) {
				FakeAgent agent = this.agents.get(String.valueOf(params.get("sessionId")));
				if (agent != null && agent.isRunning()) {
					agent.stop("Session stopped by daemon");
					result = Json.object("message", "Session stopped");
				}
				else {
					result = Json.object("error", "Session not found or failed to stop");
				}
			}
			else {
				result = Json.object("error", "Method not found");
			}
		}
		catch (RuntimeException ex) {
			result = Json.object("error", String.valueOf(ex.getMessage()));
		}
		ack.call(this.machineKey.seal(result));
	}

	private Map<?, ?> params(String sealed) {
		try {
			return (this.machineKey.open(sealed) instanceof Map<?, ?> map) ? map : Map.of();
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}

	private Map<String, @Nullable Object> spawn(Map<?, ?> params) {
		if (!(params.get("directory") instanceof String directory) || directory.isEmpty()) {
			return Json.object("error", "Directory is required");
		}
		Object agent = params.get("agent");
		if (agent != null && !AGENTS.contains(String.valueOf(agent))) {
			return Json.object("error",
					"Unsupported agent type: '" + agent + "'. Please update your CLI to the latest version.");
		}
		boolean exists = this.directoryExists.test(directory) || this.createdDirectories.contains(directory);
		if (!exists && Boolean.FALSE.equals(params.get("approvedNewDirectoryCreation"))) {
			return Json.object("type", "requestToApproveDirectoryCreation", "directory", directory);
		}
		String error = this.spawnError;
		if (error != null) {
			return Json.object("error", error);
		}
		this.createdDirectories.add(directory);
		String flavor = (agent != null) ? String.valueOf(agent) : "claude";
		byte[] dataKey = (this.variant == EncryptionVariant.DATA_KEY) ? randomKey() : null;
		RecordKey key = new RecordKey((dataKey != null) ? dataKey : this.secret, this.variant);
		Map<String, @Nullable Object> metadata = sessionMetadata(directory, flavor);
		JsonNode session = HappyHttp.post(this.serverUrl + "/v1/sessions", this.token,
				Json.object("tag", UUID.randomUUID().toString(), "metadata", key.seal(metadata), "agentState",
						key.seal(Map.of()), "dataEncryptionKey", wrapped(dataKey)))
			.get("session");
		String sessionId = session.get("id").asString();
		stopOldestBeyond(this.maxRunningSessions - 1);
		FakeAgent spawned = new FakeAgent(this, sessionId, key, metadata, this.timer,
				Math.max(this.heartbeat.toMillis() / 10, 50), this.agentConnectDelay);
		this.agents.put(sessionId, spawned);
		this.spawnOrder.add(spawned);
		return Json.object("type", "success", "sessionId", sessionId);
	}

	private Map<String, @Nullable Object> machineMetadata() {
		return Json.object("host", "fake-host", "platform", "linux", "happyCliVersion", "0.13.0", "homeDir",
				"/home/fake", "happyHomeDir", "/home/fake/.happy", "happyLibDir", "/opt/happy");
	}

	private Map<String, @Nullable Object> sessionMetadata(String directory, String flavor) {
		long now = System.currentTimeMillis();
		return Json.object("path", directory, "host", "fake-host", "version", "0.13.0", "os", "linux", "machineId",
				this.machineId, "homeDir", "/home/fake", "happyHomeDir", "/home/fake/.happy", "startedFromDaemon", true,
				"hostPid", 10_000 + random.nextInt(50_000), "startedBy", "daemon", "lifecycleState", "running",
				"lifecycleStateSince", now, "flavor", flavor);
	}

	private static Map<String, @Nullable Object> daemonState(String status, long startedAt) {
		return Json.object("status", status, "pid", ProcessHandle.current().pid(), "httpPort", 0, "startedAt",
				startedAt);
	}

	private @Nullable String wrapped(byte @Nullable [] dataKey) {
		if (dataKey == null) {
			return null;
		}
		byte[] recipient = ContentKeyPair.fromMasterSecret(this.secret).publicKey();
		return Base64.getEncoder().encodeToString(DataEncryptionKey.wrap(dataKey, recipient));
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return key;
	}

	/**
	 * Settings of a {@link FakeHappyDaemon}.
	 */
	public static final class Builder {

		private final String serverUrl;

		private final String token;

		private final byte[] secret;

		private String machineId = UUID.randomUUID().toString();

		private EncryptionVariant variant = EncryptionVariant.LEGACY;

		private AgentBehaviour behaviour = AgentBehaviour.TURNS;

		private Function<String, String> reply = FakeAgent.echo();

		private Duration heartbeat = Duration.ofSeconds(20);

		private Duration agentConnectDelay = Duration.ZERO;

		private Predicate<String> directoryExists = (directory) -> true;

		private int maxRunningSessions = Integer.MAX_VALUE;

		private byte @Nullable [] machineKey;

		private Builder(String serverUrl, String token, byte[] secret) {
			this.serverUrl = serverUrl;
			this.token = token;
			this.secret = secret.clone();
		}

		/**
		 * The machine id (default a random UUID).
		 * @param machineId the id
		 * @return this builder
		 */
		public Builder machineId(String machineId) {
			this.machineId = machineId;
			return this;
		}

		/**
		 * How records are encrypted (default {@link EncryptionVariant#LEGACY}).
		 * @param variant the variant
		 * @return this builder
		 */
		public Builder encryption(EncryptionVariant variant) {
			this.variant = variant;
			return this;
		}

		/**
		 * The machine key of a CLI linked by the current terminal flow
		 * ({@code access.key} with {@code encryption.machineKey}, spec §1.3): the data
		 * key of the machine's own record and of its RPC traffic, so that credentials
		 * holding only this key can read the machine and call its methods. Implies
		 * {@link EncryptionVariant#DATA_KEY}; without it such a daemon picks a random
		 * key.
		 * @param machineKey the 32-byte key
		 * @return this builder
		 */
		public Builder machineKey(byte[] machineKey) {
			this.machineKey = machineKey.clone();
			this.variant = EncryptionVariant.DATA_KEY;
			return this;
		}

		/**
		 * How agents answer user messages (default {@link AgentBehaviour#TURNS}).
		 * @param behaviour the behaviour
		 * @return this builder
		 */
		public Builder behaviour(AgentBehaviour behaviour) {
			this.behaviour = behaviour;
			return this;
		}

		/**
		 * The text of the agents' replies (default {@code "Echo: " + prompt}).
		 * @param reply from the user's text to the reply
		 * @return this builder
		 */
		public Builder reply(Function<String, String> reply) {
			this.reply = reply;
			return this;
		}

		/**
		 * The daemon's heartbeat interval (default 20 s, as the CLI); agents beat ten
		 * times as often (the CLI: every 2 s).
		 * @param heartbeat the interval
		 * @return this builder
		 */
		public Builder heartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
			return this;
		}

		/**
		 * How long each spawned agent takes to connect its session socket after the spawn
		 * is answered (default none; the real CLI takes 0.1–0.6 s). Like happy-coder
		 * 0.13, the agent hears nothing sent before it connects.
		 * @param agentConnectDelay the delay
		 * @return this builder
		 */
		public Builder agentConnectDelay(Duration agentConnectDelay) {
			this.agentConnectDelay = agentConnectDelay;
			return this;
		}

		/**
		 * Which directories exist on the machine (default all); spawning in another one
		 * without {@code approvedNewDirectoryCreation} answers
		 * {@code requestToApproveDirectoryCreation}, with it creates the directory.
		 * @param directoryExists the test
		 * @return this builder
		 */
		public Builder directoryExists(Predicate<String> directoryExists) {
			this.directoryExists = directoryExists;
			return this;
		}

		/**
		 * How many agents may run at once (default no limit): a spawn beyond it first
		 * stops the oldest running agent, as {@code stop-session} does (it archives its
		 * session and disconnects). A real daemon has no such limit; it bounds a fake
		 * that runs for long in one process, where each running agent holds a socket and
		 * its threads (about three).
		 * @param maxRunningSessions the limit, at least 1
		 * @return this builder
		 */
		public Builder maxRunningSessions(int maxRunningSessions) {
			if (maxRunningSessions < 1) {
				throw new IllegalArgumentException("maxRunningSessions must be at least 1, was " + maxRunningSessions);
			}
			this.maxRunningSessions = maxRunningSessions;
			return this;
		}

		/**
		 * Register the machine, connect and wait until its methods are registered.
		 * @return the running daemon
		 */
		public FakeHappyDaemon start() {
			return new FakeHappyDaemon(this);
		}

	}

}
