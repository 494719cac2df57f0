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

package io.github.agentprotocols.acp.cluster;

import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL database, relaying over {@code LISTEN}/{@code NOTIFY}
 * (the default with the PostgreSQL store).
 */
@UsesPostgres
class PostgresClusterTests extends ClusterContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresClusterTests.class);

	static final String applicationB = "acp-cluster-b-" + UUID.randomUUID();

	static ClusterInstance a;

	static ClusterInstance b;

	@BeforeAll
	static void startInstances() {
		a = start("acp-cluster-a-" + UUID.randomUUID());
		b = start(applicationB);
	}

	@AfterAll
	static void stopInstances() {
		try {
			a.close();
			b.close();
		}
		finally {
			database.close();
		}
	}

	static ClusterInstance start(String applicationName) {
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				"spring.r2dbc.url=" + database.r2dbcUrl() + "&applicationName=" + applicationName);
	}

	@Override
	ClusterInstance a() {
		return a;
	}

	@Override
	ClusterInstance b() {
		return b;
	}

	@Test
	void postgresIsTheDefaultTransport() {
		assertThat(b.relay().transport()).isEqualTo("postgres");
		assertThat(b.relay().isListening()).isTrue();
	}

	@Test
	void eventsCommittedWhileTheListenConnectionOfBWasCutAreCaughtUpOnce() {
		String thread = a.createThread("alice");
		b.emitter().watched.add(thread);
		a.postMessage("alice", thread, "before the cut");
		await().atMost(WAIT).until(() -> b.emitter().remoteEventIds(thread).equals(a.eventIds("alice", thread)));
		List<Integer> cut = listenBackends();
		assertThat(cut).hasSize(1);
		assertThat(database.client().sql("SELECT pg_terminate_backend(" + cut.get(0) + ")").fetch().one().block())
			.isNotNull();
		for (int i = 0; i < 5; i++) {
			a.postMessage("alice", thread, "during the cut " + i);
		}
		await().atMost(WAIT).until(() -> listenBackends().size() == 1 && !listenBackends().equals(cut));
		String last = a.postMessage("alice", thread, "after the cut").get("id").stringValue();
		await().atMost(WAIT).until(() -> b.emitter().remoteEventIds(thread).contains(last));
		assertThat(b.emitter().remoteEventIds(thread)).containsExactlyElementsOf(a.eventIds("alice", thread));
		assertThat(b.relay().isListening()).isTrue();
	}

	private static List<Integer> listenBackends() {
		return database.client()
			.sql("SELECT pid FROM pg_stat_activity WHERE application_name = :name AND query = 'LISTEN acp_broadcast'")
			.bind("name", applicationB)
			.map((row) -> row.get("pid", Integer.class))
			.all()
			.collectList()
			.block(WAIT);
	}

}
