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
import java.util.Map;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@UsesPostgres
class AcpSchemaInitializerTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static AcpTestDatabase database;

	@BeforeAll
	static void createSchema() {
		database = AcpTestDatabase.create(AcpSchemaInitializerTests.class);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Test
	void recordsTheAppliedVersion() {
		assertThat(versions("acp_")).containsExactly(Map.of("version", 1, "description", "threads"));
	}

	@Test
	void applyingAgainChangesNothing() {
		Integer version = new AcpSchemaInitializer(database.client()).initialize().block(WAIT);
		assertThat(version).isEqualTo(1);
		assertThat(versions("acp_")).hasSize(1);
	}

	@Test
	void instancesStartingTogetherApplyTheSchemaOnce() {
		List<Integer> versions = Flux.range(0, 4)
			.flatMap((i) -> new AcpSchemaInitializer(database.client(), "together_").initialize()
				.subscribeOn(Schedulers.boundedElastic()))
			.collectList()
			.block(WAIT);
		assertThat(versions).containsOnly(1);
		assertThat(versions("together_")).hasSize(1);
	}

	@Test
	void aTablePrefixNamesTablesOfTheirOwn() {
		new AcpSchemaInitializer(database.client(), "chat_").afterPropertiesSet();
		String threadId = new PostgresThreadStore(database.client(), "chat_")
			.createThread(NewThread.withTenant(TenantScope.PUBLIC), Identity.user("alice", "Alice"))
			.block(WAIT)
			.thread()
			.id();
		assertThat(database.client()
			.sql("SELECT id FROM chat_threads")
			.map((row) -> row.get("id", String.class))
			.all()
			.collectList()
			.block(WAIT)).containsExactly(threadId);
		assertThat(database.client()
			.sql("SELECT count(*) AS n FROM pg_indexes WHERE schemaname = current_schema()"
					+ " AND indexname = 'chat_runs_active_per_assistant'")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(WAIT)).isEqualTo(1);
	}

	@Test
	void aPrefixThatIsNotASafeIdentifierIsRefused() {
		for (String prefix : List.of("", "Acp_", "acp-", "acp_; DROP TABLE x", "1acp_")) {
			assertThatIllegalArgumentException().as(prefix)
				.isThrownBy(() -> new AcpSchemaInitializer(database.client(), prefix));
		}
	}

	private static List<Map<String, Object>> versions(String prefix) {
		return database.client()
			.sql("SELECT version, description FROM " + prefix + "schema_version ORDER BY version")
			.fetch()
			.all()
			.collectList()
			.block(WAIT);
	}

}
