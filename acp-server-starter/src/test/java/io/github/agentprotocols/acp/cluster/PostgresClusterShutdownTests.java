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

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.BackgroundWorkProbe;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing an instance ends its relay: no thread, scheduled task or database connection of
 * it is left, on either transport. A class of its own: closing a web application disposes
 * Reactor Netty's shared resources, which other instances of the JVM still use.
 */
@UsesRedis
@UsesPostgres
class PostgresClusterShutdownTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/**
	 * Boot's connection pool opens its initial connections one after the other in the
	 * background once the first is asked for, each on Reactor's single scheduler. On a
	 * loaded machine that warm-up was still going when the instance closed (1 run in 9),
	 * and the probe reported the pool's next connection as the application's work left
	 * behind: the pool opens a connection only when one is asked for here.
	 */
	private static final String NO_POOL_WARM_UP = "spring.r2dbc.pool.initial-size=1";

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresClusterShutdownTests.class);

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Test
	void closingAnInstanceLeavesNoListenerThreadOrConnection() throws InterruptedException {
		String applicationName = "acp-cluster-c-" + UUID.randomUUID();
		try (BackgroundWorkProbe probe = BackgroundWorkProbe.start()) {
			ClusterInstance instance = ClusterInstance.start(
					new SpringApplicationBuilder(ClusterTestApplication.class).initializers(probe.initializer()),
					"spring.r2dbc.url=" + database.r2dbcUrl() + "&applicationName=" + applicationName, NO_POOL_WARM_UP);
			AcpClusterRelay relay = instance.relay();
			await().atMost(WAIT).until(relay::isListening);
			String thread = instance.createThread("alice");
			instance.postMessage("alice", thread, "last words");
			assertThat(backends(applicationName, "LISTEN acp_broadcast")).hasSize(1);
			instance.close();
			assertThat(relay.isRunning()).isFalse();
			assertThat(relay.isListening()).isFalse();
			probe.assertNothingLeft(Duration.ofSeconds(2));
		}
		await().atMost(WAIT).until(() -> backends(applicationName, "LISTEN acp_broadcast").isEmpty());
	}

	@Test
	void closingAnInstanceOnRedisLeavesNoSubscriptionThread() throws InterruptedException {
		try (BackgroundWorkProbe probe = BackgroundWorkProbe.start()) {
			ClusterInstance instance = ClusterInstance.start(
					new SpringApplicationBuilder(ClusterTestApplication.class).initializers(probe.initializer()),
					"spring.r2dbc.url=" + database.r2dbcUrl(), RedisFixture.connectionProperty(),
					"acp.cluster.transport=redis", NO_POOL_WARM_UP);
			AcpClusterRelay relay = instance.relay();
			await().atMost(WAIT).until(relay::isListening);
			instance.postMessage("alice", instance.createThread("alice"), "last words");
			instance.close();
			assertThat(relay.isListening()).isFalse();
			probe.assertNothingLeft(Duration.ofSeconds(2));
		}
	}

	private static List<Integer> backends(String applicationName, String query) {
		return database.client()
			.sql("SELECT pid FROM pg_stat_activity WHERE application_name = :name AND query = :query")
			.bind("name", applicationName)
			.bind("query", query)
			.map((row) -> row.get("pid", Integer.class))
			.all()
			.collectList()
			.block(WAIT);
	}

}
