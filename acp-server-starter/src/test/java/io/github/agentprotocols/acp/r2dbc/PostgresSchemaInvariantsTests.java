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
import java.util.List;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.r2dbc.spi.R2dbcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The invariants of spec §7.1, enforced by the database itself: rows written around the
 * store are refused, and the indexes serve the store's queries.
 */
@UsesPostgres
class PostgresSchemaInvariantsTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static final String IDENTITY = "'{\"role\":\"assistant\",\"id\":\"helper\",\"name\":\"\",\"metadata\":{}}'";

	private static final String USER = "'{\"role\":\"user\",\"id\":\"alice\",\"name\":\"\",\"metadata\":{}}'";

	private static AcpTestDatabase database;

	private String threadId;

	@BeforeAll
	static void createSchema() {
		database = AcpTestDatabase.create(PostgresSchemaInvariantsTests.class);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@BeforeEach
	void createThread() {
		database.empty();
		this.threadId = new PostgresThreadStore(database.client())
			.createThread(NewThread.withTenant(TenantScope.PUBLIC), Identity.user("alice", "Alice"))
			.block(WAIT)
			.thread()
			.id();
	}

	@Test
	void aSecondActiveRunOfOneAssistantOnOneThreadIsRefused() {
		insertRun("run_1", "pending", null);
		assertViolates("acp_runs_active_per_assistant", () -> insertRun("run_2", "running", null));
		insertRun("run_3", "cancelled", null);
	}

	@Test
	void anIdempotencyKeyIsUsedOncePerThreadAndAssistant() {
		insertRun("run_1", "cancelled", "'K'");
		assertViolates("acp_runs_idempotency", () -> insertRun("run_2", "pending", "'K'"));
		database.execute("INSERT INTO acp_invocations (thread_id, idempotency_key, assistant_ids, triggered_by_id)"
				+ " VALUES ('" + this.threadId + "', 'K', '{helper}', 'alice')");
		assertViolates("acp_invocations_pkey",
				() -> database.execute("INSERT INTO acp_invocations (thread_id, idempotency_key, assistant_ids,"
						+ " triggered_by_id) VALUES ('" + this.threadId + "', 'K', '{boom}', 'bob')"));
	}

	@Test
	void aClientIdIsUsedOncePerThreadAndAuthor() {
		insertMessage("evt_1", "'c1'");
		assertViolates("acp_events_client_id", () -> insertMessage("evt_2", "'c1'"));
		insertMessage("evt_3", "NULL");
		insertMessage("evt_4", "NULL");
	}

	@Test
	void terminalRunsCarryCompletedAtAndFailedRunsAnError() {
		assertViolates("acp_runs_completed_at_iff_terminal",
				() -> database.execute(runInsert("run_1", "completed", null, false)));
		assertViolates("acp_runs_completed_at_iff_terminal",
				() -> database.execute(runInsert("run_2", "running", null, true)));
		assertViolates("acp_runs_error_iff_failed", () -> database.execute(runInsert("run_3", "failed", null, true)));
		assertViolates("acp_runs_status_check", () -> insertRun("run_4", "paused", null));
		database.execute(runInsert("run_5", "completed", null, true));
	}

	@Test
	void storedShapesAreChecked() {
		assertViolates("acp_threads_tenant_check",
				() -> database.execute("INSERT INTO acp_threads (id, tenant) VALUES ('th_x', '[\"org\"]')"));
		assertViolates("acp_events_type_check",
				() -> database.execute(
						"INSERT INTO acp_events (id, thread_id, type, author_id, author, created_at) VALUES ('evt_x', '"
								+ this.threadId + "', 'thread.renamed', 'alice', " + USER + ", clock_timestamp())"));
		assertViolates("acp_events_author_snapshot",
				() -> database.execute(
						"INSERT INTO acp_events (id, thread_id, type, author_id, author, created_at) VALUES ('evt_x', '"
								+ this.threadId + "', 'message', 'bob', " + USER + ", clock_timestamp())"));
		assertViolates("acp_runs_assistant_snapshot",
				() -> database.execute(runInsert("run_x", "pending", null, false).replace(IDENTITY, USER)));
	}

	@Test
	void deletingAThreadCascadesToEverythingItHolds() {
		insertRun("run_1", "pending", "'K'");
		insertMessage("evt_1", "'c1'");
		database.execute("INSERT INTO acp_invocations (thread_id, idempotency_key, assistant_ids, triggered_by_id)"
				+ " VALUES ('" + this.threadId + "', 'K', '{helper}', 'alice')");
		database.execute("DELETE FROM acp_threads WHERE id = '" + this.threadId + "'");
		for (String table : List.of("acp_thread_members", "acp_runs", "acp_events", "acp_invocations")) {
			assertThat(count("SELECT count(*) AS n FROM " + table)).as(table).isZero();
		}
	}

	@Test
	void idsCompareBytewise() {
		assertThat(database.client()
			.sql("SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema()"
					+ " AND column_name IN ('id', 'thread_id', 'run_id', 'identity_id', 'assistant_id', 'author_id')"
					+ " AND table_name LIKE 'acp_%'")
			.map((row) -> String.valueOf(row.get("collation_name", String.class)))
			.all()
			.collectList()
			.block(WAIT)).hasSizeGreaterThanOrEqualTo(10).containsOnly("C");
	}

	@Test
	void theResumeCursorAndTheTenantQueriesAreServedByIndexes() {
		assertThat(plan("SELECT id FROM acp_events WHERE thread_id = 'th' AND (created_at, id) > (now(), 'e')"
				+ " ORDER BY created_at, id LIMIT 501"))
			.contains("acp_events_thread_time");
		assertThat(plan("SELECT id FROM acp_threads WHERE tenant = ANY(ARRAY['{}', '{\"org\": \"A\"}']::jsonb[])"))
			.contains("acp_threads_tenant_eq");
		assertThat(plan("SELECT id FROM acp_threads WHERE tenant @> '{\"org\": \"A\"}'"))
			.contains("acp_threads_tenant_gin");
	}

	private String plan(String query) {
		return database.client()
			.inConnectionMany((connection) -> reactor.core.publisher.Flux
				.from(connection.createStatement("SET enable_seqscan = off").execute())
				.flatMap((result) -> result.getRowsUpdated())
				.thenMany(Flux.from(connection.createStatement("EXPLAIN " + query).execute()))
				.flatMap((result) -> result.map((row, metadata) -> String.valueOf(row.get(0, String.class))))
				.concatWith(Flux.from(connection.createStatement("RESET enable_seqscan").execute())
					.flatMap((result) -> result.getRowsUpdated())
					.then(Mono.empty())))
			.collectList()
			.block(WAIT)
			.toString();
	}

	private void insertRun(String id, String status, String key) {
		database.execute(runInsert(id, status, key, "cancelled".equals(status)));
	}

	private String runInsert(String id, String status, String key, boolean completed) {
		return "INSERT INTO acp_runs (id, thread_id, assistant_id, assistant, triggered_by, status, idempotency_key,"
				+ " completed_at) VALUES ('" + id + "', '" + this.threadId + "', 'helper', " + IDENTITY + ", " + USER
				+ ", '" + status + "', " + ((key != null) ? key : "NULL") + ", "
				+ (completed ? "clock_timestamp()" : "NULL") + ")";
	}

	private void insertMessage(String id, String clientId) {
		database.execute("INSERT INTO acp_events (id, thread_id, type, author_id, author, payload, client_id,"
				+ " created_at) VALUES ('" + id + "', '" + this.threadId + "', 'message', 'alice', " + USER
				+ ", '{\"content\":[]}', " + clientId + ", clock_timestamp())");
	}

	private long count(String sql) {
		return database.client().sql(sql).map((row) -> row.get("n", Long.class)).one().block(WAIT);
	}

	private static void assertViolates(String constraint, Runnable statement) {
		assertThatException().isThrownBy(statement::run)
			.satisfies((ex) -> assertThat(PostgresFailures.constraint(ex)).contains(constraint))
			.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(R2dbcException.class));
	}

}
