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

package io.github.agentprotocols.acp.r2dbc;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.RunTransition;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Runs and idempotency records in PostgreSQL (spec §6.1, §7.3): invocation claims its
 * idempotency key first, then inserts each pending run with
 * {@code ON CONFLICT … DO NOTHING} on the partial unique index of active runs and
 * coalesces onto the active run when nothing is inserted. Transitions are guarded updates
 * that append their {@code run.*} event in the same transaction.
 */
final class PostgresRuns {

	private static final String ACTIVE = "status IN ('pending', 'running')";

	/**
	 * How often an insert that met an active run is retried when that run ended before it
	 * could be read.
	 */
	private static final int MAX_COALESCE_ATTEMPTS = 100;

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	private final PostgresEvents events;

	private final String channel;

	private final String select;

	private final String lockThreadSql;

	private final String claimSql;

	private final String recordSql;

	private final String fillRecordSql;

	private final String assistantsSql;

	private final String insertSql;

	private final String activeOfAssistantSql;

	private final String transitionSql;

	private final String cancelSql;

	private final String table;

	PostgresRuns(DatabaseClient client, TransactionalOperator transactions, TablePrefix prefix, PostgresEvents events) {
		this.client = client;
		this.transactions = transactions;
		this.events = events;
		this.channel = prefix.value() + "run_cancel";
		this.table = prefix.sql("${prefix}runs");
		this.select = "SELECT " + PostgresRows.RUN_COLUMNS + " FROM " + this.table;
		this.lockThreadSql = prefix.sql("SELECT 1 FROM ${prefix}threads WHERE id = :thread_id FOR KEY SHARE");
		this.claimSql = prefix
			.sql("""
					INSERT INTO ${prefix}invocations (thread_id, idempotency_key, assistant_ids, triggered_by_id, created_at)
					VALUES (:thread_id, :key, :assistant_ids, :triggered_by_id, clock_timestamp())
					ON CONFLICT (thread_id, idempotency_key) DO NOTHING
					RETURNING 1""");
		this.recordSql = prefix.sql("SELECT assistant_ids, run_ids FROM ${prefix}invocations"
				+ " WHERE thread_id = :thread_id AND idempotency_key = :key");
		this.fillRecordSql = prefix.sql("UPDATE ${prefix}invocations SET run_ids = :run_ids"
				+ " WHERE thread_id = :thread_id AND idempotency_key = :key");
		this.assistantsSql = prefix.sql("SELECT identity_id, identity FROM ${prefix}thread_members"
				+ " WHERE thread_id = :thread_id AND identity_id = ANY(:ids) AND identity_role = 'assistant'");
		this.insertSql = prefix.sql("""
				INSERT INTO ${prefix}runs (id, thread_id, assistant_id, assistant, triggered_by, status,
						idempotency_key, metadata, chain_depth, parent_run_id, heartbeat_at, started_at)
				SELECT :id, :thread_id, :assistant_id, :assistant, :triggered_by, 'pending', :key, :metadata,
						:chain_depth, :parent_run_id, now, now
				  FROM (SELECT clock_timestamp() AS now) clock
				ON CONFLICT (thread_id, assistant_id) WHERE status IN ('pending', 'running') DO NOTHING
				RETURNING""" + " " + PostgresRows.RUN_COLUMNS);
		this.activeOfAssistantSql = this.select + " WHERE thread_id = :thread_id AND assistant_id = :assistant_id AND "
				+ ACTIVE;
		this.transitionSql = prefix.sql("""
				UPDATE ${prefix}runs
				   SET status = :status,
				       owner_node = COALESCE(:owner_node, owner_node),
				       error = CAST(:error AS jsonb),
				       completed_at = CASE WHEN :terminal THEN clock_timestamp() END
				 WHERE id = :id AND status = ANY(:sources)
				RETURNING""" + " " + PostgresRows.RUN_COLUMNS);
		this.cancelSql = prefix.sql("""
				UPDATE ${prefix}runs SET cancel_requested_at = COALESCE(cancel_requested_at, clock_timestamp())
				 WHERE id = :id AND status IN ('pending', 'running')
				RETURNING""" + " " + PostgresRows.RUN_COLUMNS);
	}

	Mono<Invocation> invoke(String threadId, InvocationRequest request) {
		Mono<Invocation> invocation = this.client.sql(this.lockThreadSql)
			.bind("thread_id", threadId)
			.fetch()
			.first()
			.switchIfEmpty(Mono.error(() -> AcpException.notFound("thread not found")))
			.then((request.idempotencyKey() != null) ? claim(threadId, request) : Mono.just(false))
			.flatMap((replay) -> replay ? replay(threadId, request) : createRuns(threadId, request));
		return invocation.as(this.transactions::transactional);
	}

	/**
	 * Claims the request's idempotency key; waits for a concurrent claimer to commit.
	 * @return whether the key was claimed before, so the request is a replay
	 */
	private Mono<Boolean> claim(String threadId, InvocationRequest request) {
		return this.client.sql(this.claimSql)
			.bind("thread_id", threadId)
			.bind("key", Objects.requireNonNull(request.idempotencyKey()))
			.bind("assistant_ids", request.assistantIds().toArray(String[]::new))
			.bind("triggered_by_id", request.triggeredBy().id())
			.fetch()
			.first()
			.map((claimed) -> false)
			.defaultIfEmpty(true);
	}

	private Mono<Invocation> replay(String threadId, InvocationRequest request) {
		return this.client.sql(this.recordSql)
			.bind("thread_id", threadId)
			.bind("key", Objects.requireNonNull(request.idempotencyKey()))
			.map((row) -> Map.entry(List.of(Objects.requireNonNull(row.get("assistant_ids", String[].class))),
					List.of(Objects.requireNonNull(row.get("run_ids", String[].class)))))
			.one()
			.flatMap((record) -> {
				List<String> recordedAssistants = record.getKey();
				if (!new HashSet<>(recordedAssistants).equals(new HashSet<>(request.assistantIds()))) {
					return Mono.error(
							AcpException.idempotencyConflict("idempotency_key reused with a different assistant set"));
				}
				Map<String, String> runByAssistant = new HashMap<>();
				for (int i = 0; i < recordedAssistants.size(); i++) {
					runByAssistant.put(recordedAssistants.get(i), record.getValue().get(i));
				}
				return Flux.fromIterable(request.assistantIds())
					.concatMap((assistantId) -> find(runByAssistant.get(assistantId)))
					.map((run) -> new Invocation.InvokedRun(run, false))
					.collectList()
					.map(Invocation::new);
			});
	}

	private Mono<Invocation> createRuns(String threadId, InvocationRequest request) {
		return assistants(threadId, request.assistantIds())
			.flatMap((assistants) -> Flux.fromIterable(request.assistantIds())
				.concatMap((assistantId) -> createOrCoalesce(threadId, assistants.get(assistantId), request))
				.collectList())
			.flatMap((runs) -> {
				Invocation invocation = new Invocation(runs);
				if (request.idempotencyKey() == null) {
					return Mono.just(invocation);
				}
				return this.client.sql(this.fillRecordSql)
					.bind("thread_id", threadId)
					.bind("key", request.idempotencyKey())
					.bind("run_ids", runs.stream().map((entry) -> entry.run().id()).toArray(String[]::new))
					.then()
					.thenReturn(invocation);
			});
	}

	private Mono<Map<String, Identity>> assistants(String threadId, List<String> assistantIds) {
		return this.client.sql(this.assistantsSql)
			.bind("thread_id", threadId)
			.bind("ids", assistantIds.toArray(String[]::new))
			.map((row) -> AcpJson
				.readIdentity(AcpJson.parse(Objects.requireNonNull(row.get("identity", String.class)))))
			.all()
			.collectMap(Identity::id)
			.flatMap((found) -> {
				for (String assistantId : assistantIds) {
					if (!found.containsKey(assistantId)) {
						return Mono
							.error(AcpException.forbidden("assistant not a member of this thread: " + assistantId));
					}
				}
				return Mono.just(found);
			});
	}

	private Mono<Invocation.InvokedRun> createOrCoalesce(String threadId, Identity assistant,
			InvocationRequest request) {
		GenericExecuteSpec insert = this.client.sql(this.insertSql)
			.bind("id", AcpIds.run())
			.bind("thread_id", threadId)
			.bind("assistant_id", assistant.id())
			.bind("assistant", PostgresRows.json(assistant))
			.bind("triggered_by", PostgresRows.json(request.triggeredBy()))
			.bind("metadata", PostgresRows.object(request.options()))
			.bind("chain_depth", request.chainDepth());
		insert = PostgresRows.bindNullable(insert, "key", request.idempotencyKey(), String.class);
		insert = PostgresRows.bindNullable(insert, "parent_run_id", request.parentRunId(), String.class);
		Mono<Invocation.InvokedRun> active = this.client.sql(this.activeOfAssistantSql)
			.bind("thread_id", threadId)
			.bind("assistant_id", assistant.id())
			.map(PostgresRows::run)
			.first()
			.map((run) -> new Invocation.InvokedRun(run, false));
		return insert.map(PostgresRows::run)
			.first()
			.map((run) -> new Invocation.InvokedRun(run, true))
			.switchIfEmpty(active)
			.repeatWhenEmpty(MAX_COALESCE_ATTEMPTS, (attempts) -> attempts)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no run created or active for " + assistant.id()
					+ " after " + MAX_COALESCE_ATTEMPTS + " attempts")));
	}

	Mono<Run> find(String runId) {
		return this.client.sql(this.select + " WHERE id = :id").bind("id", runId).map(PostgresRows::run).first();
	}

	Flux<Run> active(String threadId) {
		return this.client.sql(this.select + " WHERE thread_id = :thread_id AND " + ACTIVE + " ORDER BY started_at, id")
			.bind("thread_id", threadId)
			.map(PostgresRows::run)
			.all();
	}

	/**
	 * Locks every run of a thread, inside the caller's transaction.
	 */
	Mono<Void> lockAll(String threadId) {
		return this.client.sql("SELECT 1 FROM " + this.table + " WHERE thread_id = :thread_id FOR UPDATE")
			.bind("thread_id", threadId)
			.then();
	}

	Mono<RunTransition> start(String runId, String ownerNode) {
		return transition(runId, RunStatus.RUNNING, null, Objects.requireNonNull(ownerNode, "ownerNode"));
	}

	Mono<RunTransition> finish(String runId, RunStatus status, @Nullable RunError error) {
		if (!status.isTerminal()) {
			throw new IllegalArgumentException("not a terminal status: " + status);
		}
		return transition(runId, status, error, null);
	}

	private Mono<RunTransition> transition(String runId, RunStatus target, @Nullable RunError error,
			@Nullable String ownerNode) {
		EventPayload payload = EventPayload.ofRunTransition(target, error);
		GenericExecuteSpec spec = this.client.sql(this.transitionSql)
			.bind("id", runId)
			.bind("status", target.wireName())
			.bind("terminal", target.isTerminal())
			.bind("sources", target.legalSources().stream().map(RunStatus::wireName).toArray(String[]::new));
		spec = PostgresRows.bindNullable(spec, "owner_node", ownerNode, String.class);
		spec = PostgresRows.bindNullable(spec, "error", (error != null) ? PostgresRows.json(error) : null, Json.class);
		return spec.map(PostgresRows::run)
			.first()
			.flatMap((run) -> this.events.appendServerEvent(run.threadId(), run.id(), run.assistant(), payload)
				.map((event) -> new RunTransition(run, event)))
			.as(this.transactions::transactional);
	}

	Mono<Run> requestCancel(String runId) {
		Mono<Run> requested = this.client.sql(this.cancelSql)
			.bind("id", runId)
			.map(PostgresRows::run)
			.first()
			.flatMap((run) -> this.client.sql("SELECT pg_notify(:channel, :id)")
				.bind("channel", this.channel)
				.bind("id", runId)
				.then()
				.thenReturn(run))
			.as(this.transactions::transactional);
		return requested.switchIfEmpty(Mono.defer(() -> find(runId)));
	}

	Flux<String> cancelRequested(Collection<String> runIds) {
		return this.client
			.sql("SELECT id FROM " + this.table + " WHERE id = ANY(:ids) AND " + ACTIVE
					+ " AND cancel_requested_at IS NOT NULL")
			.bind("ids", runIds.toArray(String[]::new))
			.map((row) -> Objects.requireNonNull(row.get("id", String.class)))
			.all();
	}

	Mono<Void> heartbeat(Collection<String> runIds) {
		return this.client
			.sql("UPDATE " + this.table + " SET heartbeat_at = clock_timestamp() WHERE id = ANY(:ids) AND " + ACTIVE)
			.bind("ids", runIds.toArray(String[]::new))
			.then();
	}

	Flux<Run> orphaned(Duration silence) {
		return this.client
			.sql(this.select + " WHERE " + ACTIVE
					+ " AND heartbeat_at < clock_timestamp() - :micros * interval '1 microsecond'"
					+ " ORDER BY heartbeat_at, id")
			.bind("micros", silence.toNanos() / 1000)
			.map(PostgresRows::run)
			.all();
	}

	Mono<Long> countActive() {
		return this.client.sql("SELECT count(*) AS active FROM " + this.table + " WHERE " + ACTIVE)
			.map((row) -> Objects.requireNonNull(row.get("active", Long.class)))
			.one();
	}

}
