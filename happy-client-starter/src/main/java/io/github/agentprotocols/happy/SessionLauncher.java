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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.observation.SpawnObservationContext;
import io.github.agentprotocols.happy.wire.MachineRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starts and stops the agent processes of sessions: the daemon's
 * {@code spawn-happy-session} RPC (spec §8.5), and the session's {@code killSession} RPC
 * with its fallback when the process is gone, archiving the session and asking the
 * daemons to stop it (spec §8.6).
 */
final class SessionLauncher {

	/** How long a spawn waits for the new agent to connect (spec §6.2). */
	private static final Duration AGENT_CONNECT_WAIT = Duration.ofSeconds(15);

	/**
	 * How long a stop waits for the killed agent's own archive write before writing it
	 * itself: happy-coder 0.13.0 sends it right after answering {@code killSession}, but
	 * without waiting for it before it exits, so now and then it never lands (7 stops of
	 * 122 against the real server).
	 */
	private static final Duration AGENT_ARCHIVE_WAIT = Duration.ofSeconds(3);

	private static final Log logger = LogFactory.getLog(SessionLauncher.class);

	private final HappyRestClient rest;

	private final HappyRpc rpc;

	private final SessionDirectory directory;

	private final SessionWatcher watcher;

	private final MetadataUpdater updater;

	private final String clientId;

	private final Duration rpcTimeout;

	private final HappyObservations observations;

	SessionLauncher(HappyRestClient rest, HappyRpc rpc, SessionDirectory directory, SessionWatcher watcher,
			MetadataUpdater updater, String clientId, Duration rpcTimeout, HappyObservations observations) {
		this.rest = rest;
		this.rpc = rpc;
		this.directory = directory;
		this.watcher = watcher;
		this.updater = updater;
		this.clientId = clientId;
		this.rpcTimeout = rpcTimeout;
		this.observations = observations;
	}

	/**
	 * Spawn a session: the daemon's RPC, then a wait of up to 15 s for the new agent to
	 * connect, so that it hears what is sent next; observed as a spawn. The options' name
	 * is not applied.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param options the agent and whether to create the directory
	 * @return the new session's id; a {@link MachineNotFoundException} when the machine
	 * is unknown, a {@link MachineOfflineException} when the daemon is not connected, a
	 * {@link SpawnRefusedException} when the daemon refuses the request, a
	 * {@link SpawnException} when the spawn fails or is not answered
	 */
	Mono<String> spawn(String machineId, String directory, SpawnOptions options) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("type", "spawn-in-directory");
		params.put("directory", directory);
		params.put("approvedNewDirectoryCreation", options.createDir());
		params.put("agent", options.agent().wireValue());
		return this.observations.spawn(() -> new SpawnObservationContext(machineId, options.agent().wireValue()),
				(context) -> this.rest.machine(machineId)
					.flatMap((machine) -> this.rpc
						.call(machineId + ":spawn-happy-session", this.directory.key(machine), params, this.rpcTimeout)
						.onErrorMap(HappyTimeoutException.class,
								(ex) -> new SpawnException("Machine " + machineId + " did not answer the spawn within "
										+ this.rpcTimeout + "; the session may still start", ex)))
					.map((outcome) -> SpawnResults.sessionId(machineId, outcome))
					.doOnNext(context::setSessionId)
					.flatMap((sessionId) -> agentConnected(sessionId).thenReturn(sessionId)));
	}

	/**
	 * Waits, up to the daemon's own 15 s, for a new session's agent to connect: the spawn
	 * is answered before the agent's socket is up, and older CLIs (happy-coder 0.13)
	 * replay nothing they missed, so a prompt or a name sent earlier would be lost. Goes
	 * on when the agent does not show up in time: the spawn itself succeeded.
	 */
	private Mono<Void> agentConnected(String sessionId) {
		return this.watcher.awaitAgentConnected(sessionId, AGENT_CONNECT_WAIT)
			.onErrorResume(HappyException.class, (ex) -> {
				logger
					.debug("Session " + sessionId + " spawned; its agent was not seen connecting: " + ex.getMessage());
				return Mono.empty();
			});
	}

	/**
	 * Stop a session's agent process: its {@code killSession} RPC; when the process is
	 * gone, archive the session and ask its daemon (every daemon, when the session's
	 * metadata cannot be read) to stop it too. Then make sure the session is archived:
	 * its metadata says {@code lifecycleState: archived} (written by the client when the
	 * agent's own write does not land) and the server holds it inactive. A session
	 * inactive and archived is stopped already (its agent archived it and left): nothing
	 * is sent, where the RPC would wait the server's 15 s for the gone agent.
	 * @param sessionId the session
	 * @return completes when stopped and archived; a {@link SessionNotFoundException}
	 * when unknown
	 */
	Mono<Void> stop(String sessionId) {
		return this.directory.require(sessionId).flatMap((record) -> {
			RecordKey key;
			try {
				key = this.directory.key(record);
			}
			catch (HappyEncryptionException ex) {
				return stopThroughMachines(sessionId, null).then(this.rest.archiveSession(sessionId));
			}
			Map<String, Object> metadata = this.directory.metadata(key, record.metadata());
			if (!record.active() && AgentStates.isArchived(metadata)) {
				return Mono.empty();
			}
			Object machineId = metadata.get("machineId");
			return this.rpc.call(sessionId + ":killSession", key, Map.of(), this.rpcTimeout)
				.flatMap((outcome) -> afterKill(sessionId, (machineId instanceof String id) ? id : null, outcome)
					.then(archived(sessionId, answered(outcome))));
		});
	}

	/**
	 * Makes sure a stopped session is archived. When its agent answered the kill: gives
	 * it a moment to write {@code lifecycleState: archived} itself (keeping its
	 * {@code archivedBy: cli}) and archives the session on the server afterwards, so that
	 * it is inactive (the fallback for a gone agent did that already). Writes the
	 * metadata when the agent's write did not land, with its optimistic concurrency: a
	 * race lost to the agent's own write ends it.
	 */
	private Mono<Void> archived(String sessionId, boolean agentAnswered) {
		Mono<Boolean> archivedByAgent = agentAnswered
				? this.watcher.awaitArchived(sessionId, AGENT_ARCHIVE_WAIT).thenReturn(true) : Mono.just(false);
		return archivedByAgent
			.onErrorResume((ex) -> ex instanceof HappyException && !(ex instanceof SessionNotFoundException), (ex) -> {
				logger.debug("Session " + sessionId + " stopped; its agent did not archive it: " + ex.getMessage());
				return Mono.just(false);
			})
			.flatMap((archived) -> archived ? Mono.empty() : this.updater.update(sessionId,
					Map.of("lifecycleState", "archived", "lifecycleStateSince", System.currentTimeMillis(),
							"archivedBy", this.clientId, "archiveReason", "User terminated"),
					AgentStates::isArchived))
			.then(agentAnswered ? this.rest.archiveSession(sessionId) : Mono.empty());
	}

	/**
	 * Stop a session, logging rather than failing when it cannot be stopped.
	 * @param sessionId the session
	 * @return completes when stopped or given up
	 */
	Mono<Void> stopQuietly(String sessionId) {
		return stop(sessionId).onErrorResume((ex) -> {
			logger.warn("Could not stop session " + sessionId + ": " + ex.getMessage());
			return Mono.empty();
		});
	}

	private static boolean answered(RpcOutcome outcome) {
		return outcome instanceof RpcOutcome.Answered answered
				&& !(answered.result() instanceof Map<?, ?> map && map.get("error") != null);
	}

	private Mono<Void> afterKill(String sessionId, @Nullable String machineId, RpcOutcome outcome) {
		if (answered(outcome)) {
			return Mono.empty();
		}
		if (outcome instanceof RpcOutcome.Refused refused && !refused.targetOffline()) {
			return Mono.error(new HappyException("Stopping session " + sessionId + " failed: " + refused.error()));
		}
		return this.rest.archiveSession(sessionId).then(stopThroughMachines(sessionId, machineId));
	}

	private Mono<Void> stopThroughMachines(String sessionId, @Nullable String machineId) {
		Flux<MachineRecord> machines = (machineId != null) ? this.rest.machine(machineId).flux()
				: this.rest.machines().flatMapIterable((all) -> all);
		return machines.concatMap((machine) -> {
			RecordKey key;
			try {
				key = this.directory.key(machine);
			}
			catch (HappyEncryptionException ex) {
				return Mono.empty();
			}
			return this.rpc.call(machine.id() + ":stop-session", key, Map.of("sessionId", sessionId), this.rpcTimeout)
				.then()
				.onErrorResume((ex) -> {
					logger.debug("The daemon of " + machine.id() + " did not stop session " + sessionId + ": "
							+ ex.getMessage());
					return Mono.empty();
				});
		}).onErrorResume((ex) -> {
			logger.debug("The daemons were not asked to stop session " + sessionId + ": " + ex.getMessage());
			return Mono.empty();
		}).then();
	}

}
