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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances end to end on one PostgreSQL database, relaying over
 * {@code LISTEN}/{@code NOTIFY}: the socket on A keeps receiving every event of B once
 * and in order when B is replaced by a new instance and when A's {@code LISTEN}
 * connection is cut.
 */
@UsesPostgres
class PostgresClusterSocketIoTests extends ClusterSocketIoContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresClusterSocketIoTests.class);

	static final String applicationA = "acp-cluster-a-" + UUID.randomUUID();

	static ClusterInstance a;

	static ClusterInstance b;

	@BeforeAll
	static void startInstances() {
		a = start(applicationA);
		b = start("acp-cluster-b-" + UUID.randomUUID());
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
		return ClusterInstance
			.startReplaceable("spring.r2dbc.url=" + database.r2dbcUrl() + "&applicationName=" + applicationName);
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
	void socketOnAReceivesEveryEventOnceInOrderWhenBIsReplacedByANewInstance() throws Exception {
		String thread = a.createThread("alice");
		Joined joined = joinOnA(thread);
		postConcurrently(b, thread, 2, 3);
		String beforeRestart = b.postMessage("alice", thread, "before the restart").get("id").stringValue();
		joined.socket().awaitReceived("event", (event) -> event.get("id").stringValue().equals(beforeRestart));
		b.close();
		b = start("acp-cluster-b2-" + UUID.randomUUID());
		postConcurrently(b, thread, 2, 3);
		String run = b.invoke("alice", thread, "echo");
		joined.socket()
			.awaitReceived("run:updated", (update) -> update.get("id").stringValue().equals(run)
					&& update.get("status").stringValue().equals("completed"));
		assertReceivedOnceInLogOrder(joined, b);
	}

	@Test
	void socketOnAReceivesEveryEventOnceInOrderAfterTheListenConnectionOfAWasCut() throws Exception {
		String thread = a.createThread("alice");
		Joined joined = joinOnA(thread);
		String beforeCut = b.postMessage("alice", thread, "before the cut").get("id").stringValue();
		joined.socket().awaitReceived("event", (event) -> event.get("id").stringValue().equals(beforeCut));
		List<Integer> cut = listenBackendsOfA();
		assertThat(cut).hasSize(1);
		assertThat(database.client().sql("SELECT pg_terminate_backend(" + cut.get(0) + ")").fetch().one().block())
			.isNotNull();
		postConcurrently(b, thread, 2, 3);
		String run = b.invoke("alice", thread, "echo");
		await().atMost(ClusterContractTests.WAIT).until(() -> b.runStatus("alice", run).equals("completed"));
		await().atMost(ClusterContractTests.WAIT)
			.until(() -> listenBackendsOfA().size() == 1 && !listenBackendsOfA().equals(cut));
		await().atMost(ClusterContractTests.WAIT).until(a.relay()::isListening);
		assertReceivedOnceInLogOrder(joined, b);
	}

	private static List<Integer> listenBackendsOfA() {
		return database.client()
			.sql("SELECT pid FROM pg_stat_activity WHERE application_name = :name AND query = 'LISTEN acp_broadcast'")
			.bind("name", applicationA)
			.map((row) -> row.get("pid", Integer.class))
			.all()
			.collectList()
			.block(ClusterContractTests.WAIT);
	}

}
