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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.socket.client.Ack;
import io.socket.client.Socket;
import org.jspecify.annotations.Nullable;
import org.json.JSONException;
import org.json.JSONObject;
import tools.jackson.databind.JsonNode;

/**
 * One agent process of the {@link FakeHappyDaemon}: its session-scoped socket, its
 * heartbeat, its {@code killSession} handler, its own copy of the session's metadata and
 * its scripted answer to each user message.
 */
final class FakeAgent {

	private final String sessionId;

	private final RecordKey key;

	private final FakeHappyDaemon daemon;

	private final Socket socket;

	private final ScheduledFuture<?> heartbeat;

	private volatile Map<String, @Nullable Object> metadata;

	private volatile long metadataVersion;

	private volatile long agentStateVersion;

	private volatile boolean stopped;

	FakeAgent(FakeHappyDaemon daemon, String sessionId, RecordKey key, Map<String, @Nullable Object> metadata,
			ScheduledExecutorService timer, long heartbeatMillis, Duration connectDelay) {
		this.daemon = daemon;
		this.sessionId = sessionId;
		this.key = key;
		this.metadata = metadata;
		this.socket = FakeSockets.socket(daemon.serverUrl(),
				Map.of("token", daemon.token(), "clientType", "session-scoped", "sessionId", sessionId));
		this.socket.on(Socket.EVENT_CONNECT, (args) -> connected());
		this.socket.on("update", (args) -> update(SocketJson.read(args)));
		this.socket.on("rpc-request", this::rpcRequest);
		timer.schedule(this.socket::connect, connectDelay.toMillis(), TimeUnit.MILLISECONDS);
		this.heartbeat = timer.scheduleAtFixedRate(() -> alive(false), 0, heartbeatMillis, TimeUnit.MILLISECONDS);
	}

	String sessionId() {
		return this.sessionId;
	}

	boolean isRunning() {
		return !this.stopped;
	}

	private void connected() {
		writeState(Json.object("controlledByUser", false));
		register("killSession");
		register("abort");
	}

	private void register(String name) {
		this.socket.emit("rpc-register", SocketJson.object(Json.object("method", this.sessionId + ":" + name)));
	}

	private void update(@Nullable JsonNode update) {
		JsonNode body = (update != null) ? update.get("body") : null;
		if (body == null || this.stopped) {
			return;
		}
		String type = body.path("t").asString("");
		if (type.equals("new-message") && this.sessionId.equals(body.path("sid").asString(""))) {
			Object content = this.key.open(body.path("message").path("content").path("c").asString(""));
			if (content instanceof Map<?, ?> message && "user".equals(message.get("role"))
					&& message.get("content") instanceof Map<?, ?> text && "text".equals(text.get("type"))) {
				answer(String.valueOf(text.get("text")));
			}
		}
		else if (type.equals("update-session") && this.sessionId.equals(body.path("id").asString(""))) {
			JsonNode metadata = body.get("metadata");
			if (metadata != null && metadata.path("version").asLong() > this.metadataVersion) {
				this.metadata = new LinkedHashMap<>(this.key.openObject(metadata.path("value").asString()));
				this.metadataVersion = metadata.path("version").asLong();
			}
		}
	}

	private void answer(String prompt) {
		AgentBehaviour behaviour = this.daemon.behaviour();
		String reply = this.daemon.reply().apply(prompt);
		this.daemon.cue().thenRun(() -> play(behaviour, reply));
	}

	/**
	 * Sends an answer; synchronized with the heartbeat, so that none goes out in the
	 * middle of it.
	 */
	private synchronized void play(AgentBehaviour behaviour, String reply) {
		if (this.stopped) {
			return;
		}
		switch (behaviour) {
			case TURNS -> {
				String turn = UUID.randomUUID().toString();
				alive(true);
				send(sessionEvent(turn, Json.object("t", "turn-start")));
				send(sessionEvent(turn, Json.object("t", "text", "text", reply)));
				send(sessionEvent(turn, Json.object("t", "turn-end", "status", "completed")));
				alive(false);
			}
			case LEGACY_READY -> {
				alive(true);
				send(Json.object("role", "agent", "content",
						Json.object("type", "output", "data",
								Json.object("type", "assistant", "message", Json.object("role", "assistant", "content",
										List.of(Json.object("type", "text", "text", reply)))))));
				send(Json.object("role", "agent", "content", Json.object("id", UUID.randomUUID().toString(), "type",
						"event", "data", Json.object("type", "ready"))));
				alive(false);
			}
			case PROCESS_EXITED -> {
				send(Json.object("role", "agent", "content", Json.object("id", UUID.randomUUID().toString(), "type",
						"event", "data", Json.object("type", "message", "message", "Process exited unexpectedly"))));
				writeState(Json.object("controlledByUser", false, "requests", Map.of(), "completedRequests", Map.of()));
			}
			case SILENT -> {
			}
		}
	}

	private Map<String, @Nullable Object> sessionEvent(String turn, Map<String, @Nullable Object> event) {
		return Json.object(
				"role", "session", "content", Json.object("id", UUID.randomUUID().toString(), "time",
						System.currentTimeMillis(), "role", "agent", "turn", turn, "ev", event),
				"meta", Json.object("sentFrom", "cli"));
	}

	private void send(Map<String, @Nullable Object> message) {
		this.socket.emit("message", SocketJson.object(Json.object("sid", this.sessionId, "message",
				this.key.seal(message), "localId", UUID.randomUUID().toString())));
	}

	private synchronized void alive(boolean thinking) {
		if (!this.stopped && this.socket.connected()) {
			this.socket.emit("session-alive", SocketJson.object(Json.object("sid", this.sessionId, "time",
					System.currentTimeMillis(), "thinking", thinking, "mode", "remote")));
		}
	}

	private void writeState(Map<String, @Nullable Object> state) {
		this.socket.emit("update-state", new Object[] { SocketJson.object(Json.object("sid", this.sessionId,
				"agentState", this.key.seal(state), "expectedVersion", this.agentStateVersion)) }, (Ack) (args) -> {
					JsonNode ack = SocketJson.read(args);
					if (ack != null && ack.has("version")) {
						this.agentStateVersion = ack.get("version").asLong();
					}
				});
	}

	private void rpcRequest(Object[] args) {
		JsonNode request = SocketJson.read(args);
		Ack ack = (args.length > 1 && args[args.length - 1] instanceof Ack callback) ? callback : null;
		if (request == null || ack == null) {
			return;
		}
		String method = request.path("method").asString("");
		Object result;
		if (method.equals(this.sessionId + ":killSession")) {
			result = Json.object("success", true, "message", "Killing happy-cli process");
			// Stopped before the answer leaves: whoever has the answer sees the agent
			// stopped. The clean-up's emits queue behind this handler, so the answer
			// still goes first.
			stop("User terminated");
			ack.call(this.key.seal(result));
			return;
		}
		result = method.equals(this.sessionId + ":abort") ? Json.object("success", true)
				: Json.object("error", "Method not found");
		ack.call(this.key.seal(result));
	}

	/**
	 * End the process as the CLI does on {@code killSession} or SIGTERM: archive the
	 * metadata (retrying version races), {@code session-end}, archive the session and
	 * disconnect.
	 * @param reason the {@code archiveReason}
	 */
	void stop(String reason) {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		this.heartbeat.cancel(false);
		boolean dropArchiveWrite = this.daemon.dropsArchiveWrites();
		CompletableFuture.runAsync(() -> {
			if (!dropArchiveWrite) {
				archiveMetadata(reason, 5);
			}
			this.socket.emit("session-end",
					SocketJson.object(Json.object("sid", this.sessionId, "time", System.currentTimeMillis())));
			try {
				HappyHttp.post(this.daemon.serverUrl() + "/v1/sessions/" + this.sessionId + "/archive",
						this.daemon.token(), Map.of());
			}
			catch (RuntimeException ex) {
				// the server may be gone already; the process exits anyway
			}
			this.socket.disconnect();
			this.daemon.stopped(this);
		});
	}

	private void archiveMetadata(String reason, int attempts) {
		for (int i = 0; i < attempts; i++) {
			Map<String, @Nullable Object> archived = new LinkedHashMap<>(this.metadata);
			archived.put("lifecycleState", "archived");
			archived.put("lifecycleStateSince", System.currentTimeMillis());
			archived.put("archivedBy", "cli");
			archived.put("archiveReason", reason);
			CompletableFuture<@Nullable JsonNode> answer = new CompletableFuture<>();
			this.socket.emit("update-metadata",
					new Object[] { SocketJson.object(Json.object("sid", this.sessionId, "metadata",
							this.key.seal(archived), "expectedVersion", this.metadataVersion)) },
					(Ack) (args) -> answer.complete(SocketJson.read(args)));
			JsonNode ack = answer.completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
			if (ack == null || !ack.has("version")) {
				return;
			}
			this.metadataVersion = ack.get("version").asLong();
			if ("success".equals(ack.path("result").asString(""))) {
				this.metadata = archived;
				return;
			}
			this.metadata = new LinkedHashMap<>(this.key.openObject(ack.path("metadata").asString()));
		}
	}

	/**
	 * Leave without any cleanup, as a crashed process.
	 */
	void kill() {
		this.stopped = true;
		this.heartbeat.cancel(false);
		this.socket.disconnect();
	}

	/**
	 * JSON between Jackson and the socket client's {@code org.json}.
	 */
	static final class SocketJson {

		private SocketJson() {
		}

		static JSONObject object(Map<String, @Nullable Object> value) {
			try {
				return new JSONObject(HappyJson.write(value));
			}
			catch (JSONException ex) {
				throw new IllegalArgumentException(ex);
			}
		}

		static @Nullable JsonNode read(Object[] args) {
			if (args.length == 0 || args[0] == null) {
				return null;
			}
			return Json.parseOrNull((args[0] instanceof String text) ? HappyJson.write(text) : args[0].toString());
		}

	}

	static Function<String, String> echo() {
		return (prompt) -> "Echo: " + prompt;
	}

}
