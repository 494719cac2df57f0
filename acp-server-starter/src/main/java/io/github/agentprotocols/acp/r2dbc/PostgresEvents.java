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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.DuplicateEventIdException;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventAppend;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventQuery;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.Replay;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The event log in PostgreSQL: the monotonic append of spec §7.3 under the thread's row
 * lock, listing, and resume replay.
 */
final class PostgresEvents {

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	private final String insertSql;

	private final String lockRunningRunSql;

	private final String findByClientIdSql;

	private final String eventsTable;

	PostgresEvents(DatabaseClient client, TransactionalOperator transactions, TablePrefix prefix) {
		this.client = client;
		this.transactions = transactions;
		this.insertSql = prefix.sql("""
				WITH clock AS (
					UPDATE ${prefix}threads
					   SET last_event_at = GREATEST(clock_timestamp(), last_event_at + interval '1 microsecond')
					 WHERE id = :thread_id
					RETURNING last_event_at)
				INSERT INTO ${prefix}events (id, thread_id, run_id, type, author_id, author, payload, metadata,
						client_id, created_at)
				SELECT :id, :thread_id, :run_id, :type, :author_id, :author, :payload, :metadata, :client_id,
						last_event_at
				  FROM clock
				ON CONFLICT (thread_id, author_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
				RETURNING created_at""");
		this.lockRunningRunSql = prefix.sql("""
				SELECT 1 FROM ${prefix}runs
				 WHERE id = :run_id AND thread_id = :thread_id AND status = 'running'
				   FOR SHARE""");
		this.findByClientIdSql = prefix.sql("SELECT " + PostgresRows.EVENT_COLUMNS
				+ " FROM ${prefix}events WHERE thread_id = :thread_id AND author_id = :author_id"
				+ " AND client_id = :client_id");
		this.eventsTable = prefix.sql("${prefix}events");
	}

	/**
	 * Appends an event of a client or a run
	 * ({@link io.github.agentprotocols.acp.ThreadStore#append}).
	 */
	Mono<EventAppend> append(Event event) {
		if (event.runId() == null) {
			return insertOrFindOriginal(event);
		}
		return this.client.sql(this.lockRunningRunSql)
			.bind("run_id", event.runId())
			.bind("thread_id", event.threadId())
			.fetch()
			.first()
			.flatMap((running) -> insertOrFindOriginal(event))
			.as(this.transactions::transactional);
	}

	/**
	 * Appends an event written by the server itself (thread, member and run lifecycle
	 * events), inside the caller's transaction.
	 */
	Mono<Event> appendServerEvent(String threadId, @Nullable String runId, Identity author, EventPayload payload) {
		Event event = new Event(AcpIds.event(), threadId, runId, author, Instant.EPOCH, null, null, payload);
		return insert(event).switchIfEmpty(Mono.error(() -> AcpException.notFound("thread not found")));
	}

	private Mono<EventAppend> insertOrFindOriginal(Event event) {
		return insert(event).map((stored) -> new EventAppend(stored, true))
			.switchIfEmpty(Mono.defer(() -> findOriginal(event)))
			.switchIfEmpty(Mono.error(() -> AcpException.notFound("thread not found")));
	}

	private Mono<Event> insert(Event event) {
		GenericExecuteSpec spec = this.client.sql(this.insertSql)
			.bind("id", event.id())
			.bind("thread_id", event.threadId())
			.bind("type", event.type().wireName())
			.bind("author_id", event.author().id())
			.bind("author", PostgresRows.json(event.author()))
			.bind("payload", PostgresRows.json(event.payload()))
			.bind("metadata", PostgresRows.object(event.metadata()));
		spec = PostgresRows.bindNullable(spec, "run_id", event.runId(), String.class);
		spec = PostgresRows.bindNullable(spec, "client_id", event.clientId(), String.class);
		// one(), not first(): first() answers with the row as the statement returns it,
		// before PostgreSQL commits a statement outside a transaction, so a commit that
		// fails (the server terminated meanwhile) would be acknowledged
		return spec.map((row) -> event.withCreatedAt(row.get("created_at", Instant.class)))
			.one()
			.onErrorMap((ex) -> PostgresFailures.UNIQUE_VIOLATION.equals(PostgresFailures.sqlState(ex))
					&& PostgresFailures.constraint(ex).filter((name) -> name.endsWith("events_pkey")).isPresent(),
					(ex) -> new DuplicateEventIdException(event.id()));
	}

	private Mono<EventAppend> findOriginal(Event event) {
		if (event.clientId() == null) {
			return Mono.empty();
		}
		return this.client.sql(this.findByClientIdSql)
			.bind("thread_id", event.threadId())
			.bind("author_id", event.author().id())
			.bind("client_id", event.clientId())
			.map(PostgresRows::event)
			.first()
			.map((original) -> new EventAppend(original, false));
	}

	Mono<Page<Event>> list(String threadId, EventQuery query) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + PostgresRows.EVENT_COLUMNS + " FROM " + this.eventsTable + " WHERE thread_id = :thread_id");
		if (!query.types().isEmpty()) {
			sql.append(" AND type = ANY(:types)");
		}
		String direction = query.descending() ? "DESC" : "ASC";
		if (query.cursor() != null) {
			sql.append(" AND (created_at, id) ").append(query.descending() ? "<" : ">").append(" (:c_at, :c_id)");
		}
		sql.append(" ORDER BY created_at ").append(direction).append(", id ").append(direction);
		sql.append(" LIMIT :limit");
		GenericExecuteSpec spec = this.client.sql(sql.toString())
			.bind("thread_id", threadId)
			.bind("limit", query.limit() + 1L);
		if (!query.types().isEmpty()) {
			spec = spec.bind("types", query.types().stream().map(EventType::wireName).toArray(String[]::new));
		}
		spec = bindCursor(spec, query.cursor());
		return spec.map(PostgresRows::event)
			.all()
			.collectList()
			.map((events) -> Page.of(events, query.limit(), Event::cursor));
	}

	Mono<Replay> replay(String threadId, @Nullable Cursor since, int cap) {
		String sql = "SELECT " + PostgresRows.EVENT_COLUMNS + " FROM " + this.eventsTable
				+ " WHERE thread_id = :thread_id" + ((since != null) ? " AND (created_at, id) > (:c_at, :c_id)" : "")
				+ " ORDER BY created_at DESC, id DESC LIMIT :limit";
		GenericExecuteSpec spec = this.client.sql(sql).bind("thread_id", threadId).bind("limit", cap + 1L);
		return bindCursor(spec, since).map(PostgresRows::event).all().collectList().map((newestFirst) -> {
			boolean truncated = newestFirst.size() > cap;
			List<Event> events = new ArrayList<>(truncated ? newestFirst.subList(0, cap) : newestFirst);
			Collections.reverse(events);
			return new Replay(events, truncated);
		});
	}

	private static GenericExecuteSpec bindCursor(GenericExecuteSpec spec, @Nullable Cursor cursor) {
		return (cursor != null) ? spec.bind("c_at", cursor.createdAt()).bind("c_id", cursor.id()) : spec;
	}

}
