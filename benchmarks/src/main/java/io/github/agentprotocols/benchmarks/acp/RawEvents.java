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

package io.github.agentprotocols.benchmarks.acp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpIds;
import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The raw baseline of the ACP storage figures: single SQL statements on the starter's own
 * events table ({@code acp_events}, same indexes and constraints) through Spring's
 * {@link DatabaseClient}, with nothing of the starter in between: no thread clock, no
 * client-id lookup, no transaction of its own, rows handed on as the driver reads them.
 */
final class RawEvents {

	private static final String COLUMNS = "id, thread_id, run_id, type, author, payload, metadata, client_id, created_at";

	private static final String INSERT = """
			INSERT INTO acp_events (id, thread_id, type, author_id, author, payload, client_id, created_at)
			VALUES (:id, :thread_id, 'message', :author_id, :author, :payload, :client_id, clock_timestamp())
			RETURNING created_at""";

	private static final String NEWEST = "SELECT " + COLUMNS
			+ " FROM acp_events WHERE thread_id = :thread_id ORDER BY created_at DESC, id DESC LIMIT :limit";

	private final DatabaseClient client;

	RawEvents(DatabaseClient client) {
		this.client = client;
	}

	/**
	 * Insert one {@code message} row.
	 * @param threadId the thread
	 * @param authorId the author's id
	 * @param author the author's JSON
	 * @param payload the payload's JSON
	 * @param clientId the client id, or {@code null}
	 * @return the new row's id and creation time
	 */
	Mono<Map<String, Object>> insertMessage(String threadId, String authorId, String author, String payload,
			@Nullable String clientId) {
		String id = AcpIds.event();
		GenericExecuteSpec spec = this.client.sql(INSERT)
			.bind("id", id)
			.bind("thread_id", threadId)
			.bind("author_id", authorId)
			.bind("author", Json.of(author))
			.bind("payload", Json.of(payload));
		spec = (clientId != null) ? spec.bind("client_id", clientId) : spec.bindNull("client_id", String.class);
		return spec.map((row) -> Map.<String, Object>of("id", id, "created_at", row.get("created_at", Instant.class)))
			.one();
	}

	/**
	 * The rows of a thread in log order, after a position, up to one more than the limit
	 * (so that the caller knows whether more follow).
	 * @param threadId the thread
	 * @param limit the page size
	 * @param afterCreatedAt the creation time of the last row already read, or
	 * {@code null} for the first page
	 * @param afterId the id of the last row already read, or {@code null}
	 * @return the rows, each as the driver reads it
	 */
	Mono<List<Map<String, Object>>> page(String threadId, int limit, @Nullable Instant afterCreatedAt,
			@Nullable String afterId) {
		String after = (afterCreatedAt != null) ? " AND (created_at, id) > (:c_at, :c_id)" : "";
		GenericExecuteSpec spec = this.client
			.sql("SELECT " + COLUMNS + " FROM acp_events WHERE thread_id = :thread_id" + after
					+ " ORDER BY created_at, id LIMIT :limit")
			.bind("thread_id", threadId)
			.bind("limit", limit + 1L);
		if (afterCreatedAt != null) {
			spec = spec.bind("c_at", afterCreatedAt).bind("c_id", afterId);
		}
		return spec.fetch().all().collectList();
	}

	/**
	 * The newest rows of a thread, in log order: the statement of a join replay.
	 * @param threadId the thread
	 * @param count how many rows
	 * @return the rows, each as the driver reads it
	 */
	Mono<List<Map<String, Object>>> newest(String threadId, int count) {
		return this.client.sql(NEWEST)
			.bind("thread_id", threadId)
			.bind("limit", count + 1L)
			.fetch()
			.all()
			.collectList()
			.map((newestFirst) -> {
				List<Map<String, Object>> rows = new ArrayList<>(
						newestFirst.subList(0, Math.min(count, newestFirst.size())));
				Collections.reverse(rows);
				return rows;
			});
	}

}
