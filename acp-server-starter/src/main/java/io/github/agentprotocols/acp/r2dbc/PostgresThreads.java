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

import java.time.Instant;
import java.util.List;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpLimits;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadCreation;
import io.github.agentprotocols.acp.ThreadDeletion;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadPatch;
import io.github.agentprotocols.acp.ThreadUpdate;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Threads in PostgreSQL: creation with the creator's membership and
 * {@code thread.created} in one statement, lookup, listing by subset expansion (§7.3),
 * patch and delete.
 */
final class PostgresThreads {

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	private final PostgresEvents events;

	private final PostgresRuns runs;

	private final String createSql;

	private final String findSql;

	private final String lockSql;

	private final String updateSql;

	private final String deleteSql;

	private final String threadsTable;

	PostgresThreads(DatabaseClient client, TransactionalOperator transactions, TablePrefix prefix,
			PostgresEvents events, PostgresRuns runs) {
		this.client = client;
		this.transactions = transactions;
		this.events = events;
		this.runs = runs;
		this.createSql = prefix.sql("""
				WITH thread AS (
					INSERT INTO ${prefix}threads (id, tenant, metadata, created_at, updated_at, last_event_at)
					SELECT :id, :tenant, :metadata, now, now, now FROM (SELECT clock_timestamp() AS now) clock
					RETURNING id, created_at),
				creator AS (
					INSERT INTO ${prefix}thread_members (thread_id, identity_id, identity_role, identity, role,
							added_at, added_by)
					SELECT id, :creator_id, :creator_role, :creator, 'member', created_at, :creator FROM thread),
				created AS (
					INSERT INTO ${prefix}events (id, thread_id, type, author_id, author, payload, created_at)
					SELECT :event_id, id, 'thread.created', :creator_id, :creator, :payload, created_at FROM thread)
				SELECT created_at FROM thread""");
		this.findSql = prefix.sql("SELECT " + PostgresRows.THREAD_COLUMNS + " FROM ${prefix}threads WHERE id = :id");
		this.lockSql = this.findSql + " FOR UPDATE";
		this.updateSql = prefix.sql("""
				UPDATE ${prefix}threads
				   SET tenant = COALESCE(CAST(:tenant AS jsonb), tenant),
				       metadata = COALESCE(CAST(:metadata AS jsonb), metadata),
				       updated_at = GREATEST(clock_timestamp(), updated_at + interval '1 microsecond')
				 WHERE id = :id
				RETURNING""" + " " + PostgresRows.THREAD_COLUMNS);
		this.deleteSql = prefix.sql("DELETE FROM ${prefix}threads WHERE id = :id");
		this.threadsTable = prefix.sql("${prefix}threads");
	}

	Mono<ThreadCreation> create(NewThread newThread, Identity creator) {
		String threadId = AcpIds.thread();
		String eventId = AcpIds.event();
		EventPayload payload = new EventPayload.ThreadCreated(threadId, newThread.tenant());
		return this.client.sql(this.createSql)
			.bind("id", threadId)
			.bind("tenant", PostgresRows.tenant(newThread.tenant()))
			.bind("metadata", PostgresRows.object(newThread.metadata()))
			.bind("creator_id", creator.id())
			.bind("creator_role", creator.role().wireName())
			.bind("creator", PostgresRows.json(creator))
			.bind("event_id", eventId)
			.bind("payload", PostgresRows.json(payload))
			.map((row) -> row.get("created_at", Instant.class))
			.one()
			.map((createdAt) -> {
				AcpThread thread = new AcpThread(threadId, newThread.tenant(), newThread.metadata(), createdAt,
						createdAt);
				ThreadMember member = new ThreadMember(threadId, creator.id(), creator, ThreadMember.DEFAULT_ROLE,
						createdAt, creator);
				Event created = new Event(eventId, threadId, null, creator, createdAt, null, null, payload);
				return new ThreadCreation(thread, member, created);
			});
	}

	Mono<AcpThread> find(String threadId) {
		return this.client.sql(this.findSql).bind("id", threadId).map(PostgresRows::thread).first();
	}

	Mono<Page<AcpThread>> list(TenantScope identityTenant, int limit, @Nullable Cursor before) {
		boolean expand = identityTenant.entries().size() <= AcpLimits.MAX_TENANT_KEYS;
		String sql = "SELECT " + PostgresRows.THREAD_COLUMNS + " FROM " + this.threadsTable + " WHERE "
				+ (expand ? "tenant = ANY(CAST(:subsets AS jsonb[]))" : "tenant <@ CAST(:tenant AS jsonb)")
				+ ((before != null) ? " AND (created_at, id) < (:c_at, :c_id)" : "")
				+ " ORDER BY created_at DESC, id DESC LIMIT :limit";
		GenericExecuteSpec spec = this.client.sql(sql).bind("limit", limit + 1L);
		if (expand) {
			List<TenantScope> subsets = identityTenant.subsets();
			spec = spec.bind("subsets", subsets.stream().map(AcpJson::write).toArray(String[]::new));
		}
		else {
			spec = spec.bind("tenant", PostgresRows.tenant(identityTenant));
		}
		if (before != null) {
			spec = spec.bind("c_at", before.createdAt()).bind("c_id", before.id());
		}
		return spec.map(PostgresRows::thread)
			.all()
			.collectList()
			.map((threads) -> Page.of(threads, limit, AcpThread::cursor));
	}

	Mono<ThreadUpdate> update(String threadId, ThreadPatch patch, Identity actor) {
		return lock(threadId).flatMap((previous) -> {
			GenericExecuteSpec spec = this.client.sql(this.updateSql).bind("id", threadId);
			spec = PostgresRows.bindNullable(spec, "tenant",
					(patch.tenant() != null) ? PostgresRows.tenant(patch.tenant()) : null, Json.class);
			spec = PostgresRows.bindNullable(spec, "metadata",
					(patch.metadata() != null) ? PostgresRows.object(patch.metadata()) : null, Json.class);
			return spec.map(PostgresRows::thread).one().flatMap((thread) -> {
				if (thread.tenant().equals(previous.tenant())) {
					return Mono.just(new ThreadUpdate(previous, thread, null));
				}
				return this.events
					.appendServerEvent(threadId, null, actor,
							new EventPayload.TenantChanged(previous.tenant(), thread.tenant()))
					.map((event) -> new ThreadUpdate(previous, thread, event));
			});
		}).as(this.transactions::transactional);
	}

	/**
	 * Deletes a thread after locking its runs, then the thread row: the lock order of run
	 * transitions, which lock their run and then append under the thread's lock.
	 */
	Mono<ThreadDeletion> delete(String threadId) {
		return this.runs.lockAll(threadId)
			.then(this.client.sql(this.lockSql).bind("id", threadId).map(PostgresRows::thread).first())
			.flatMap((thread) -> this.runs.active(threadId)
				.collectList()
				.flatMap((active) -> this.client.sql(this.deleteSql)
					.bind("id", threadId)
					.then()
					.thenReturn(new ThreadDeletion(thread, active))))
			.as(this.transactions::transactional);
	}

	private Mono<AcpThread> lock(String threadId) {
		return this.client.sql(this.lockSql)
			.bind("id", threadId)
			.map(PostgresRows::thread)
			.first()
			.switchIfEmpty(Mono.error(() -> AcpException.notFound("thread not found")));
	}

}
