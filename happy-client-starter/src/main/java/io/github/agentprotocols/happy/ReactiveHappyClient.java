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

package io.github.agentprotocols.happy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.observation.TurnObservationContext;
import io.github.agentprotocols.happy.wire.SessionRecord;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Controls Happy agent sessions, reactively: spawns them on a user's machines, sends them
 * prompts, waits for their turns, names them and reads their end-to-end encrypted history
 * (the Python SDK's {@code HappyClient}, spec §8). {@link HappyClient} offers the same
 * methods blocking.
 * <p>
 * REST goes through {@link WebClient}; the client holds one user-scoped Socket.IO
 * connection, opened by the first operation that needs it (RPC, metadata writes, waits,
 * live messages) and closed by {@link #close()}. Every failure is a
 * {@link HappyException} of the type spec §10 gives it.
 */
public final class ReactiveHappyClient implements AutoCloseable {

	/** The client id sent in {@code X-Happy-Client} unless another is set. */
	public static final String DEFAULT_CLIENT_ID = "happy-sdk-java/0.1.0";

	/** How long connecting the socket may take unless another timeout is set. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);

	/** How long the waits take by default (the SDK's 300 s). */
	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(300);

	/** How long {@link #runTask} waits for the turn by default (the SDK's 600 s). */
	public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofSeconds(600);

	/**
	 * Responses are read whole whatever their size: the server bounds them (150 sessions,
	 * 500 messages a page), but a page of large records exceeds any fixed buffer.
	 */
	private static final int UNLIMITED = -1;

	private final HappyCredentials credentials;

	private final HappyRestClient rest;

	private final HappySocket socket;

	private final SessionDirectory directory;

	private final MetadataUpdater metadata;

	private final SessionWatcher watcher;

	private final SessionLauncher launcher;

	private final Prompts prompts;

	private final TaskRunner tasks;

	private final Clock clock;

	private final HappyObservations observations;

	private ReactiveHappyClient(Builder builder) {
		this.credentials = builder.credentials;
		this.clock = builder.clock;
		this.observations = builder.observations;
		String serverUrl = this.credentials.serverUrl();
		WebClient webClient = builder.webClient.clone()
			.baseUrl(serverUrl)
			.defaultHeader("X-Happy-Client", builder.clientId)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(UNLIMITED))
			.build();
		TokenSource tokens = new TokenSource(this.credentials);
		this.rest = new HappyRestClient(webClient, serverUrl, tokens.token(), builder.requestTimeout,
				this.observations);
		tokens.obtainWith(this.rest);
		HappyMetrics metrics = builder.metrics;
		this.socket = new HappySocket(URI.create(serverUrl), tokens.token(), builder.clientId, builder.connectTimeout,
				new SocketListener() {
					@Override
					public void reconnected() {
						metrics.reconnected();
					}
				}, builder.socketSslBundle);
		RecordKeys keys = new RecordKeys(this.credentials, builder.sessionsFile);
		this.directory = new SessionDirectory(this.rest, keys, metrics);
		this.metadata = new MetadataUpdater(this.directory, this.socket, builder.metadataAckTimeout,
				builder.metadataUpdateAttempts, builder.metadataUpdateMaxBackoff);
		this.watcher = new SessionWatcher(this.directory, this.socket);
		this.launcher = new SessionLauncher(this.rest, new HappyRpc(this.socket, metrics, this.observations),
				this.directory, this.watcher, this.metadata, builder.clientId, builder.rpcTimeout, this.observations);
		this.prompts = new Prompts(this.directory, this.rest, builder.clientId);
		this.tasks = new TaskRunner(this.rest, keys, this.launcher, this.prompts, this.watcher, this.directory,
				this.observations);
	}

	/**
	 * A client for the SDK's default credentials: {@code agent.key} or {@code access.key}
	 * in {@code HAPPY_HOME_DIR} or {@code ~/.happy}, on {@code HAPPY_SERVER_URL}.
	 * @return the client; a {@link HappyAuthenticationException} when there are none
	 */
	public static ReactiveHappyClient create() {
		return create(HappyCredentials.lookup().resolve());
	}

	/**
	 * A client for the given credentials, with default options.
	 * @param credentials the credentials
	 * @return the client
	 */
	public static ReactiveHappyClient create(HappyCredentials credentials) {
		return builder(credentials).build();
	}

	/**
	 * A client for the credentials of the environment variables {@code HAPPY_TOKEN},
	 * {@code HAPPY_SECRET} and {@code HAPPY_SERVER_URL} (the SDK's {@code from_env()}).
	 * @return the client; a {@link HappyAuthenticationException} when one is missing
	 */
	public static ReactiveHappyClient fromEnv() {
		return create(HappyCredentials.fromEnv(System.getenv(), null));
	}

	/**
	 * A client for the credentials of the environment variables {@code HAPPY_TOKEN} and
	 * {@code HAPPY_SECRET}, on the given server.
	 * @param serverUrl the server's URL, replacing {@code HAPPY_SERVER_URL}
	 * @return the client
	 */
	public static ReactiveHappyClient fromEnv(String serverUrl) {
		return create(HappyCredentials.fromEnv(System.getenv(), serverUrl));
	}

	/**
	 * Start building a client.
	 * @param credentials the credentials
	 * @return the builder
	 */
	public static Builder builder(HappyCredentials credentials) {
		return new Builder(credentials);
	}

	/**
	 * Spawn a Claude session in a directory of a machine (spec §8.5).
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @return the new session's id
	 */
	public Mono<String> spawnSession(String machineId, String directory) {
		return spawnSession(machineId, directory, SpawnOptions.DEFAULTS);
	}

	/**
	 * Spawn a session (spec §8.5): the daemon's {@code spawn-happy-session} RPC, a wait
	 * of up to 15 s for the new agent to connect (so that it hears what is sent next),
	 * then the name when one is given.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param options the agent, whether to create the directory, the name
	 * @return the new session's id; a {@link MachineNotFoundException} when the account
	 * has no such machine, a {@link MachineOfflineException} when the daemon is not
	 * connected, a {@link SpawnRefusedException} when the daemon refuses the request (a
	 * missing directory without {@code createDir}, an unsupported agent), a
	 * {@link SpawnException} when the spawn fails or is not answered, a
	 * {@link MetadataUpdateException} carrying the new session's id when naming it fails
	 */
	public Mono<String> spawnSession(String machineId, String directory, SpawnOptions options) {
		Mono<String> spawned = this.launcher.spawn(machineId, directory, options);
		String name = options.name();
		if (name == null) {
			return spawned;
		}
		return spawned.flatMap((sessionId) -> setSessionName(sessionId, name).thenReturn(sessionId)
			.onErrorMap(
					(ex) -> !(ex instanceof MetadataUpdateException
							&& sessionId.equals(((MetadataUpdateException) ex).sessionId())),
					(ex) -> new MetadataUpdateException(
							"Session " + sessionId + " was spawned but naming it failed: " + ex.getMessage(), sessionId,
							ex)));
	}

	/**
	 * Stop a session's agent process (spec §8.6): its {@code killSession} RPC; when the
	 * process is gone, archive the session and ask its daemon to stop it too. The session
	 * is archived when this completes: its metadata says {@code lifecycleState: archived}
	 * (written by the client, with optimistic concurrency, when the agent's own write
	 * does not land within a few seconds) and the server holds it inactive. Stopping a
	 * session stopped already sends nothing.
	 * @param sessionId the session
	 * @return completes when stopped and archived; a {@link SessionNotFoundException}
	 * when unknown
	 */
	public Mono<Void> stopSession(String sessionId) {
		return this.launcher.stop(sessionId);
	}

	/**
	 * Delete a session with its messages (spec §8.7). A running agent is not stopped.
	 * @param sessionId the session
	 * @return completes when deleted; a {@link SessionNotFoundException} when unknown
	 */
	public Mono<Void> deleteSession(String sessionId) {
		return this.rest.deleteSession(sessionId).doOnSuccess((done) -> this.prompts.forget(sessionId));
	}

	/**
	 * Merge changes into a session's metadata (spec §8.8): shallow, with
	 * optimistic-concurrency retries. A change of {@code lifecycleState} is refused: it
	 * would stop the agent (use {@link #updateSessionMetadata(String, Map, boolean)} to
	 * ask for it explicitly).
	 * @param sessionId the session
	 * @param changes the keys to set
	 * @return the session as written; a {@link MetadataConflictException} after too many
	 * races, a {@link MetadataUpdateException} when the server rejects the write
	 */
	public Mono<Session> updateSessionMetadata(String sessionId, Map<String, ?> changes) {
		return updateSessionMetadata(sessionId, changes, false);
	}

	/**
	 * Merge changes into a session's metadata, optionally allowing a change of
	 * {@code lifecycleState}, which makes the running agent exit (spec §7.1).
	 * @param sessionId the session
	 * @param changes the keys to set
	 * @param allowLifecycleChange whether {@code lifecycleState} may be among them
	 * @return the session as written
	 */
	public Mono<Session> updateSessionMetadata(String sessionId, Map<String, ?> changes, boolean allowLifecycleChange) {
		if (!allowLifecycleChange && changes.containsKey("lifecycleState")) {
			return Mono.error(new IllegalArgumentException("Changing 'lifecycleState' stops the agent of session "
					+ sessionId + "; use stopSession, or allow the lifecycle change explicitly"));
		}
		return this.metadata.update(sessionId, Map.copyOf(changes));
	}

	/**
	 * Name a session (spec §8.8): {@code summary} (the title the apps show) and
	 * {@code name}, keeping all other metadata.
	 * @param sessionId the session
	 * @param name the name
	 * @return the session as written
	 */
	public Mono<Session> setSessionName(String sessionId, String name) {
		return Mono.defer(() -> {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("text", name);
			summary.put("updatedAt", this.clock.millis());
			return this.metadata.update(sessionId, Map.of("summary", summary, "name", name));
		});
	}

	/**
	 * Send a prompt with permission mode {@link PermissionMode#YOLO} (spec §8.9), which a
	 * Claude session gets as {@code bypassPermissions}.
	 * @param sessionId the session
	 * @param text the prompt
	 * @return the stored message's seq
	 */
	public Mono<Long> sendMessage(String sessionId, String text) {
		return sendMessage(sessionId, text, PermissionMode.YOLO);
	}

	/**
	 * Send a prompt (spec §8.9) through {@code POST /v3/sessions/{id}/messages} with a
	 * fresh local id. The permission mode goes by the name the session's agent accepts:
	 * {@link PermissionMode#YOLO} as {@code bypassPermissions} to Claude.
	 * @param sessionId the session
	 * @param text the prompt
	 * @param permissionMode the permission mode the agent runs it with
	 * @return the stored message's seq; a {@link SessionNotFoundException} when unknown
	 */
	public Mono<Long> sendMessage(String sessionId, String text, PermissionMode permissionMode) {
		return this.prompts.send(sessionId, text, permissionMode).map(SentPrompt::seq);
	}

	/**
	 * Wait up to 300 s for the agent to finish its current turn (spec §9.2).
	 * @param sessionId the session
	 * @return completes with the turn
	 */
	public Mono<Void> waitForTurnCompletion(String sessionId) {
		return waitForTurnCompletion(sessionId, DEFAULT_WAIT);
	}

	/**
	 * Wait for the agent to finish the turn that answers the newest prompt (spec §9.2),
	 * also when the turn ended before the wait began; observed as a turn.
	 * @param sessionId the session
	 * @param timeout the deadline
	 * @return completes with the turn; a {@link HappyTimeoutException} at the deadline, a
	 * {@link SessionArchivedException} at once when the session has ended (archived or
	 * inactive) or ends meanwhile
	 */
	public Mono<Void> waitForTurnCompletion(String sessionId, Duration timeout) {
		SentPrompt prompt = this.prompts.last(sessionId);
		return this.observations.turn(() -> new TurnObservationContext(sessionId),
				(turn) -> this.watcher.awaitTurn(sessionId, prompt, timeout));
	}

	/**
	 * Wait up to 300 s for the session to be idle (spec §9.3).
	 * @param sessionId the session
	 * @return completes when idle
	 */
	public Mono<Void> waitForIdle(String sessionId) {
		return waitForIdle(sessionId, DEFAULT_WAIT);
	}

	/**
	 * Wait for the session to be idle: not driven from the terminal and no permission
	 * request pending (spec §9.3).
	 * @param sessionId the session
	 * @param timeout the deadline
	 * @return completes when idle; a {@link HappyTimeoutException} at the deadline, a
	 * {@link SessionArchivedException} at once when the session has ended or ends
	 * meanwhile
	 */
	public Mono<Void> waitForIdle(String sessionId, Duration timeout) {
		return waitForIdle(sessionId, timeout, false);
	}

	/**
	 * Wait for the session to be idle (spec §9.3), optionally also requiring the agent's
	 * latest heartbeat to say it is not thinking: the agent state alone does not change
	 * while the model works, so this tells "finished working" more closely. Heartbeats
	 * come every ~2 s while the agent process runs.
	 * @param sessionId the session
	 * @param timeout the deadline
	 * @param notThinking whether the latest heartbeat must say {@code thinking: false}
	 * @return completes when idle; a {@link HappyTimeoutException} at the deadline, a
	 * {@link SessionArchivedException} at once when the session has ended or ends
	 * meanwhile
	 */
	public Mono<Void> waitForIdle(String sessionId, Duration timeout, boolean notThinking) {
		return this.watcher.awaitIdle(sessionId, timeout, notThinking);
	}

	/**
	 * All sessions of the account.
	 * @return the sessions
	 */
	public Mono<List<Session>> listSessions() {
		return listSessions(false);
	}

	/**
	 * The account's sessions (spec §8.2): all of them (paging {@code /v2/sessions}), or
	 * those active within the last 15 minutes. A session whose key cannot be resolved is
	 * listed with empty metadata.
	 * @param activeOnly whether to list only active sessions
	 * @return the sessions
	 */
	public Mono<List<Session>> listSessions(boolean activeOnly) {
		return this.directory.list(activeOnly);
	}

	/**
	 * One session (spec §4.5, §8.2).
	 * @param sessionId the session
	 * @return the session; a {@link SessionNotFoundException} when unknown, a
	 * {@link HappyEncryptionException} when it cannot be decrypted
	 */
	public Mono<Session> getSession(String sessionId) {
		return this.directory.require(sessionId).map(this.directory::session);
	}

	/**
	 * Whether the server holds the session active (spec §9.1).
	 * @param sessionId the session
	 * @return its {@code active} flag; false for an unknown session
	 */
	public Mono<Boolean> isAlive(String sessionId) {
		return this.directory.find(sessionId).map(SessionRecord::active).defaultIfEmpty(false);
	}

	/**
	 * All messages of a session, decrypted, in seq order (spec §8.3).
	 * @param sessionId the session
	 * @return the messages; a {@link SessionNotFoundException} when unknown
	 */
	public Mono<List<Message>> getMessages(String sessionId) {
		return this.directory.messages(sessionId);
	}

	/**
	 * The session's new messages as they are stored, decrypted, de-duplicated; messages
	 * missed while the socket reconnects are fetched and delivered first. The Python SDK
	 * has no equivalent.
	 * @param sessionId the session
	 * @return the messages after the newest one when subscribed, until cancelled; a
	 * {@link SessionNotFoundException} when unknown
	 */
	public Flux<Message> messages(String sessionId) {
		return this.directory.require(sessionId)
			.flatMapMany((record) -> this.watcher.messages(sessionId, record.seq()));
	}

	/**
	 * The session's messages after a seq, then live as they are stored: resumes a stream
	 * from the last message seen.
	 * @param sessionId the session
	 * @param afterSeq the seq to start after, 0 for the whole history
	 * @return the messages, until cancelled
	 */
	public Flux<Message> messages(String sessionId, long afterSeq) {
		return this.watcher.messages(sessionId, afterSeq);
	}

	/**
	 * All machines of the account.
	 * @return the machines
	 */
	public Mono<List<Machine>> listMachines() {
		return listMachines(false);
	}

	/**
	 * The account's machines (spec §8.4); a machine whose key cannot be resolved is
	 * listed with empty metadata.
	 * @param activeOnly whether to list only machines the server holds active
	 * @return the machines
	 */
	public Mono<List<Machine>> listMachines(boolean activeOnly) {
		return this.rest.machines()
			.flatMapIterable((machines) -> machines)
			.filter((machine) -> !activeOnly || machine.active())
			.map(this.directory::machineOrBlank)
			.collectList();
	}

	/**
	 * One machine (spec §8.4).
	 * @param machineId the machine
	 * @return the machine; a {@link MachineNotFoundException} when unknown
	 */
	public Mono<Machine> getMachine(String machineId) {
		return this.rest.machine(machineId).map(this.directory::machine);
	}

	/**
	 * Run a prompt as a Claude session with the default timeout of 600 s.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param prompt the prompt
	 * @return the session's id once its turn completed and it was stopped
	 */
	public Mono<String> runTask(String machineId, String directory, String prompt) {
		return runTask(machineId, directory, prompt, Agent.CLAUDE, DEFAULT_TASK_TIMEOUT);
	}

	/**
	 * Run a prompt (spec §8.11): spawn, send, wait for the turn, stop. The session is
	 * stopped whatever happens after the spawn (best effort), so a timeout leaks no
	 * running agent.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param prompt the prompt
	 * @param agent the agent
	 * @param timeout the deadline of the turn
	 * @return the session's id; a {@link HappyEncryptionException} before spawning when
	 * these credentials could not open the new session
	 */
	public Mono<String> runTask(String machineId, String directory, String prompt, Agent agent, Duration timeout) {
		return this.tasks.run(machineId, directory, prompt, agent, timeout, null);
	}

	/**
	 * Run a prompt (spec §8.11) as
	 * {@link #runTask(String, String, String, Agent, Duration)} does, telling the
	 * progress the spawned session's id and then each of its messages as it is stored;
	 * every message up to the completed turn is delivered before the session is stopped.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param prompt the prompt
	 * @param agent the agent
	 * @param timeout the deadline of the turn
	 * @param progress told of the session and its messages
	 * @return the session's id; a {@link HappyEncryptionException} before spawning when
	 * these credentials could not open the new session
	 */
	public Mono<String> runTask(String machineId, String directory, String prompt, Agent agent, Duration timeout,
			TaskProgress progress) {
		return this.tasks.run(machineId, directory, prompt, agent, timeout,
				Objects.requireNonNull(progress, "progress"));
	}

	/**
	 * Disconnect the socket, if one was opened. The client cannot be used afterwards.
	 */
	@Override
	public void close() {
		this.socket.close();
	}

	/**
	 * Whether the client's socket is connected now (for health checks).
	 * @return true while connected
	 */
	public boolean isSocketConnected() {
		return this.socket.isConnected();
	}

	/**
	 * Whether the server answers its liveness probe ({@code GET /health}).
	 * @return completes when it does; a {@link HappyException} otherwise
	 */
	public Mono<Void> checkServer() {
		return this.rest.health();
	}

	/**
	 * The server this client talks to.
	 * @return its URL
	 */
	public String serverUrl() {
		return this.credentials.serverUrl();
	}

	/**
	 * Builds a {@link ReactiveHappyClient}.
	 */
	public static final class Builder {

		private final HappyCredentials credentials;

		private WebClient.Builder webClient = WebClient.builder();

		private Clock clock = Clock.systemUTC();

		private String clientId = DEFAULT_CLIENT_ID;

		private Duration requestTimeout = Duration.ofSeconds(30);

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration rpcTimeout = Duration.ofSeconds(60);

		private Duration metadataAckTimeout = Duration.ofSeconds(15);

		private int metadataUpdateAttempts = 5;

		private Duration metadataUpdateMaxBackoff = Duration.ofSeconds(2);

		private HappyMetrics metrics = HappyMetrics.NONE;

		private HappyObservations observations = HappyObservations.NOOP;

		private @Nullable Path sessionsFile;

		private @Nullable SslBundle socketSslBundle;

		private boolean allowInsecureHttp;

		private Builder(HappyCredentials credentials) {
			this.credentials = Objects.requireNonNull(credentials, "credentials");
		}

		/**
		 * The builder of the REST client (Spring Boot's, to share its codecs and
		 * customizers); a default one otherwise. The client lifts its in-memory buffer
		 * limit: a listing of large sessions or a page of large messages is read whole.
		 * @param webClient the builder, cloned before use
		 * @return this builder
		 */
		public Builder webClient(WebClient.Builder webClient) {
			this.webClient = webClient;
			return this;
		}

		/**
		 * The SSL bundle of the Socket.IO connection to an {@code https} server: the
		 * authorities it trusts instead of the JDK's, the client certificate, if any, and
		 * the protocols and cipher suites, if it names any. The REST calls take their TLS
		 * from the {@link #webClient(WebClient.Builder) WebClient.Builder}'s connector
		 * (Spring Boot's {@code WebClientSsl} applies a bundle to it); the
		 * auto-configuration applies {@code happy.ssl.bundle} to both.
		 * @param sslBundle the bundle, or {@code null} for the JDK's trust store
		 * @return this builder
		 */
		public Builder socketSslBundle(@Nullable SslBundle sslBundle) {
			this.socketSslBundle = sslBundle;
			return this;
		}

		/**
		 * The clock of {@code summary.updatedAt}.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * The client id sent in {@code X-Happy-Client}, the socket's {@code auth} and the
		 * messages' {@code sentFrom}.
		 * @param clientId the id
		 * @return this builder
		 */
		public Builder clientId(String clientId) {
			this.clientId = clientId;
			return this;
		}

		/**
		 * How long one REST request may take (30 s by default).
		 * @param requestTimeout the timeout
		 * @return this builder
		 */
		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return this;
		}

		/**
		 * How long connecting the socket may take (20 s by default).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * How long to wait for an RPC's acknowledgement (60 s by default, spec §11: more
		 * than the server's 15 s + 30 s).
		 * @param rpcTimeout the timeout
		 * @return this builder
		 */
		public Builder rpcTimeout(Duration rpcTimeout) {
			this.rpcTimeout = rpcTimeout;
			return this;
		}

		/**
		 * How long to wait for an {@code update-metadata} acknowledgement (15 s by
		 * default); the server sends none for an unknown session.
		 * @param metadataAckTimeout the timeout
		 * @return this builder
		 */
		public Builder metadataAckTimeout(Duration metadataAckTimeout) {
			this.metadataAckTimeout = metadataAckTimeout;
			return this;
		}

		/**
		 * How many times a metadata update is tried before it gives up with
		 * {@link MetadataConflictException} (5 by default, as spec §8.8 recommends): each
		 * {@code version-mismatch} means another writer got in first. Meant for a client
		 * racing the session's agent and a few other writers; raise it when many write
		 * one session at once.
		 * @param attempts the attempts, at least 1
		 * @return this builder
		 */
		public Builder metadataUpdateAttempts(int attempts) {
			if (attempts < 1) {
				throw new IllegalArgumentException("metadataUpdateAttempts must be at least 1, got " + attempts);
			}
			this.metadataUpdateAttempts = attempts;
			return this;
		}

		/**
		 * The longest pause before retrying a metadata update that lost a race (2 s by
		 * default). Pauses are random, grow with each attempt from the round trip just
		 * measured (at least 20 ms), and stop growing here.
		 * @param maxBackoff the ceiling
		 * @return this builder
		 */
		public Builder metadataUpdateMaxBackoff(Duration maxBackoff) {
			this.metadataUpdateMaxBackoff = maxBackoff;
			return this;
		}

		/**
		 * Where the client's measurements go.
		 * @param metrics the metrics
		 * @return this builder
		 */
		public Builder metrics(HappyMetrics metrics) {
			this.metrics = metrics;
			return this;
		}

		/**
		 * Where the client's operations are observed: REST calls, RPCs, spawns, turns and
		 * tasks (none by default).
		 * @param observations the observations
		 * @return this builder
		 */
		public Builder observations(HappyObservations observations) {
			this.observations = observations;
			return this;
		}

		/**
		 * The daemon's {@code sessions.json} on this host, the same-host fallback of spec
		 * §3.5 step 4 for machine-key credentials.
		 * @param sessionsFile the file, or {@code null}
		 * @return this builder
		 */
		public Builder sessionsFile(@Nullable Path sessionsFile) {
			this.sessionsFile = sessionsFile;
			return this;
		}

		/**
		 * Whether a plain {@code http://} server URL may name a host that is not a
		 * loopback address (false by default). Without it such a URL is refused: the
		 * bearer token would cross the network unencrypted. {@code localhost} and literal
		 * addresses of 127.0.0.0/8 and {@code ::1} are loopback; host names are not
		 * resolved.
		 * @param allowInsecureHttp whether to allow plain HTTP to any host
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/**
		 * Build the reactive client.
		 * @return the client
		 * @throws InsecureServerUrlException if the server URL is plain {@code http://}
		 * to a host that is not a loopback address, and
		 * {@link #allowInsecureHttp(boolean)} is not set
		 */
		public ReactiveHappyClient build() {
			ServerUrlCheck.check(this.credentials.serverUrl(), this.allowInsecureHttp);
			return new ReactiveHappyClient(this);
		}

		/**
		 * Build the blocking client.
		 * @return the client
		 * @throws InsecureServerUrlException as {@link #build()}
		 */
		public HappyClient buildBlocking() {
			return new HappyClient(build());
		}

	}

}
