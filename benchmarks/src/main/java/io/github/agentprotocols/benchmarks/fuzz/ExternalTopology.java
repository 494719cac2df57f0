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

package io.github.agentprotocols.benchmarks.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.RedisConnections;
import io.r2dbc.spi.ConnectionFactories;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The showcase as production runs it, for a heap measured against its baseline: HPP
 * sessions in Redis, ACP's threads in PostgreSQL, and the services it is a client of (the
 * LIME API, the Happy server with one machine) in the driver's JVM rather than the
 * showcase's, so that what the server holds after a run is its own. The LIME site keeps
 * its state in memory, as a single instance does: the showcase does not carry Spring
 * Integration Redis, which the shared LIME store needs. Each run writes under Redis keys
 * and PostgreSQL tables of its own ({@link Stores}), deleted when it closes. Without the
 * in-process LIME fake the showcase has no demo agent: its routes answer 404.
 */
final class ExternalTopology implements AutoCloseable {

	/** The Happy fake machine's running sessions, as the showcase's own keeps them. */
	private static final int MAX_RUNNING_SESSIONS = 16;

	/** The longest wait for each step of the clean-up. */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final FakeLimeApi lime;

	private final FakeHappyServer happyServer;

	private final HappyTestAccount account;

	private final FakeHappyDaemon machine;

	private final Stores stores;

	private final String run = "fuzz" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private ExternalTopology(Stores stores) {
		this.stores = stores;
		this.lime = FakeLimeApi.start();
		this.happyServer = FakeHappyServer.start();
		this.account = HappyTestAccount.create(this.happyServer);
		this.machine = FakeHappyDaemon.builder(this.account)
			.behaviour(AgentBehaviour.TURNS)
			.maxRunningSessions(MAX_RUNNING_SESSIONS)
			.start();
	}

	/**
	 * Start the peers.
	 * @param stores the Redis and PostgreSQL the showcase keeps its data in
	 * @return the topology
	 */
	static ExternalTopology start(Stores stores) {
		return new ExternalTopology(stores);
	}

	/**
	 * The showcase's arguments that point it at the stores and the peers.
	 * @return the arguments
	 */
	List<String> arguments() {
		return List.of("--" + this.stores.redisProperty(), "--hpp.store.type=redis",
				"--hpp.store.key-prefix=" + this.run + ":hpp:", "--spring.r2dbc.url=" + this.stores.postgresUrl(),
				"--acp.store.table-prefix=" + this.run + "_", "--lime.site.api-base=" + this.lime.baseUrl(),
				"--lime.site.token=" + this.lime.siteToken(), "--happy.server-url=" + this.account.serverUrl(),
				"--happy.token=" + this.account.token(), "--happy.secret=" + this.account.secretBase64());
	}

	/** Stops the peers and deletes what the run stored: its tables and its keys. */
	@Override
	public void close() {
		this.machine.close();
		this.happyServer.close();
		this.lime.close();
		dropTables();
		RedisConnections.sync((redis) -> {
			List<String> keys = redis.keys(this.run + ":*");
			return keys.isEmpty() ? 0L : redis.del(keys.toArray(String[]::new));
		});
	}

	private void dropTables() {
		DatabaseClient database = DatabaseClient.create(ConnectionFactories.get(this.stores.postgresUrl()));
		List<String> tables = database
			.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, :run)")
			.bind("run", this.run + "_")
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
		if (tables != null && !tables.isEmpty()) {
			database.sql("DROP TABLE " + String.join(", ", tables.stream().map((table) -> '"' + table + '"').toList()))
				.then()
				.block(TIMEOUT);
		}
	}

	/**
	 * Where the showcase keeps its data.
	 *
	 * @param redisProperty the Spring Boot property that points at Redis, as
	 * {@code name=value} ({@code spring.data.redis.url} or
	 * {@code spring.data.redis.cluster.nodes})
	 * @param postgresUrl the PostgreSQL database, as an R2DBC URL
	 */
	record Stores(String redisProperty, String postgresUrl) {

		/** Environment variable: the Redis server. */
		static final String REDIS_VARIABLE = "TEST_REDIS_URL";

		/** Environment variable: the PostgreSQL database, as an R2DBC URL. */
		static final String POSTGRES_VARIABLE = "TEST_PG_R2DBC_URL";

		/**
		 * The stores the tests use, from the environment.
		 * @return the stores
		 * @throws IllegalStateException naming the variable that is not set
		 */
		static Stores fromEnvironment() {
			return new Stores("spring.data.redis.url=" + required(REDIS_VARIABLE), required(POSTGRES_VARIABLE));
		}

		private static String required(String variable) {
			String value = System.getenv(variable);
			if (value == null || value.isBlank()) {
				throw new IllegalStateException(WireFuzz.TOPOLOGY_PROPERTY + "=external needs " + variable
						+ " (the Redis and PostgreSQL the tests use)");
			}
			return value;
		}

	}

}
