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

package io.github.agentprotocols.acp.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventQuery;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.ThreadStoreUnavailableException;
import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link PostgresThreadStore} answers a write only once PostgreSQL committed it. A
 * deferred constraint trigger fails the commit of the events it marks with the error a
 * server terminated at that moment sends ({@code 57P01}), after the statement returned
 * its row: the write fails as the database unavailable, and nothing of it is stored.
 */
@UsesPostgres
class PostgresCommitTests {

	private static final String REFUSED = "refused at commit";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Identity alice = Identity.user("alice", "Alice");

	private static AcpTestDatabase database;

	private static ThreadStore store;

	@BeforeAll
	static void createSchema() {
		database = AcpTestDatabase.create(PostgresCommitTests.class);
		database.execute("""
				CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
					IF NEW.payload::text LIKE '%%%s%%' THEN
						RAISE EXCEPTION 'terminating connection due to administrator command'
							USING ERRCODE = '57P01';
					END IF;
					RETURN NULL;
				END $$""".formatted(REFUSED));
		database.execute("""
				CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON acp_events
					DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()""");
		store = new PostgresThreadStore(database.client());
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Test
	void aMessageWhoseCommitFailsIsNotAcknowledged() {
		AcpThread thread = store.createThread(new NewThread(TenantScope.PUBLIC, Map.of()), alice).block(WAIT).thread();
		assertThatExceptionOfType(ThreadStoreUnavailableException.class).isThrownBy(
				() -> store.append(ThreadStoreContractTests.message(thread.id(), alice, null, REFUSED)).block(WAIT));
		assertThat(types(thread.id())).containsExactly(EventType.THREAD_CREATED);
	}

	@Test
	void aThreadWhoseCommitFailsIsNotCreated() {
		TenantScope refused = new TenantScope(Map.of("org", REFUSED));
		assertThatExceptionOfType(ThreadStoreUnavailableException.class)
			.isThrownBy(() -> store.createThread(new NewThread(refused, Map.of()), alice).block(WAIT));
		assertThat(store.listThreads(refused, 10, null).block(WAIT).items()).isEmpty();
	}

	private static List<EventType> types(String threadId) {
		return store.listEvents(threadId, EventQuery.ascending(100))
			.block(WAIT)
			.items()
			.stream()
			.map(Event::type)
			.toList();
	}

}
