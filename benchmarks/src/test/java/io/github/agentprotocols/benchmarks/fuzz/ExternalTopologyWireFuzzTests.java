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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.agentprotocols.benchmarks.startup.StartupFootprint;
import io.github.agentprotocols.testsupport.PostgresFixture;
import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI-sized wire fuzzing run on the {@link ExternalTopology}: the showcase's threads
 * in PostgreSQL, its Redis a Redis Cluster (the build runs it in its
 * {@code redis-cluster} execution only), the LIME and Happy fakes in this JVM, 1,000
 * mutated requests per protocol, the goals asserted as on the embedded topology
 * ({@link WireFuzzTests}). It reaches what the embedded one does not: HPP's Redis store,
 * ACP's PostgreSQL store behind REST and Socket.IO (a NUL in a Socket.IO payload reached
 * it, found by the full-size run), the LIME site against a LIME API in another process,
 * the Happy page against a Happy server in another process (whose event streams met a
 * buffer released twice, about 2 per 100,000 Happy requests, until they were handed to
 * Spring on their connections' event loops; contributing/fuzzing.md).
 */
@UsesPostgres
@UsesRedis
class ExternalTopologyWireFuzzTests {

	private static final List<String> PROTOCOLS = List.of("hpp", "acp", "acp-socketio", "lime", "app-control", "happy");

	@Test
	void showcaseOnItsProductionStoresMeetsTheGoalsUnderAThousandMutatedRequestsPerProtocol(@TempDir Path folder)
			throws Exception {
		Path jar = StartupFootprint.showcaseJar();
		assertThat(jar).as("the showcase's jar (./mvnw -pl samples/showcase -am package)").isRegularFile();
		Set<String> storedBefore = storedByRuns();
		Path findings = folder.resolve("findings.txt");
		ExternalTopology.Stores stores = new ExternalTopology.Stores(RedisFixture.connectionProperty(),
				PostgresFixture.database().r2dbcUrl());
		WireFuzz.Settings settings = new WireFuzz.Settings(1_000, 0, 1, 16, Duration.ofSeconds(10), Duration.ZERO,
				stores, PROTOCOLS);
		List<FuzzReport> reports = new WireFuzz(settings).run(jar, findings, folder.resolve("server.log"));
		assertThat(Files.readString(folder.resolve("server.log"))).as("the showcase's stores")
			.contains("ACP threads are kept in PostgreSQL")
			.contains("HPP sessions are kept in Redis");
		assertThat(reports).hasSize(PROTOCOLS.size() + 1);
		assertThat(WireFuzzTests.findings(Files.readString(findings))).as("findings").isEmpty();
		for (FuzzReport report : reports) {
			assertThat(report.intact()).as("%s: the object made before the run", report.protocol()).isNull();
		}
		assertThat(reports.get(reports.size() - 1).requests()).isEqualTo(PROTOCOLS.size() * 1_000L);
		// older runs' keys may expire meanwhile, none of this run's may stay
		assertThat(storedByRuns()).as("the run's tables and keys, deleted").isSubsetOf(storedBefore);
	}

	/**
	 * The tables and keys of the runs on this topology, under their {@code fuzz} prefix.
	 */
	private static Set<String> storedByRuns() {
		Set<String> stored = new HashSet<>(DatabaseClient.create(PostgresFixture.database().connectionFactory())
			.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'fuzz%'")
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(30)));
		stored.addAll(RedisConnections.sync((redis) -> redis.keys("fuzz*")));
		return stored;
	}

}
