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

import java.time.Instant;
import java.util.Map;

import io.github.agentprotocols.acp.health.AcpHealthIndicator;
import io.github.agentprotocols.acp.r2dbc.AcpPreparedStatementsSharedException;
import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL relay behind a real PgBouncer in transaction pooling, which accepts
 * {@code LISTEN} and delivers no notifications: the relay's probe finds it at start-up,
 * and {@code acp.cluster.postgres.url} gives the relay a direct connection while the
 * store goes on through PgBouncer; the store's check finds the driver's named prepared
 * statements colliding there unless the URL turns them off.
 */
@UsesPostgres
@ExtendWith(OutputCaptureExtension.class)
class PostgresPgBouncerTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresPgBouncerTests.class);

	static final PgBouncer pgBouncer = PgBouncer.transactionPooling(database.r2dbcUrl());

	@AfterAll
	static void stop() {
		try {
			pgBouncer.close();
		}
		finally {
			database.close();
		}
	}

	@Test
	void relayBehindTransactionPoolingFailsTheStartUpNamingBothFixes(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> ClusterInstance.replaceable()
				.properties("spring.r2dbc.url=" + pgBouncer.r2dbcUrl(), "server.port=0", "spring.main.banner-mode=off")
				.run())
			.withRootCauseInstanceOf(ClusterChannelDeafException.class);
		assertThat(output).contains("APPLICATION FAILED TO START", "its LISTEN hears nothing",
				"PgBouncer in transaction pooling", "set acp.cluster.postgres.url", "set acp.cluster.transport=redis",
				"preparedStatementCacheQueries=0", "extra_float_digits in PgBouncer's ignore_startup_parameters");
		// the probe went out through PgBouncer: the relay's LISTEN did not hear it
		assertThat(output).doesNotContain("Could not send the cluster relay's probe");
	}

	@Test
	void storeBehindTransactionPoolingWithNamedStatementsFailsTheStartUpNamingEverySetting(CapturedOutput output) {
		assertThatException().isThrownBy(() -> ClusterInstance.replaceable()
			.properties("spring.r2dbc.url=" + pgBouncer.r2dbcUrlWithNamedStatements(),
					"acp.cluster.postgres.url=" + database.r2dbcUrl(), "server.port=0", "spring.main.banner-mode=off")
			.run()).withRootCauseInstanceOf(AcpPreparedStatementsSharedException.class);
		assertThat(output).contains("APPLICATION FAILED TO START", "prepared statement \"S_n\" already exists",
				"PgBouncer in transaction pooling", "Add preparedStatementCacheQueries=0 to spring.r2dbc.url",
				"extra_float_digits in PgBouncer's ignore_startup_parameters", "connect_query",
				"set acp.cluster.postgres.url", "acp.cluster.transport=redis");
	}

	@Test
	void relayOnADirectConnectionHearsWhileTheStoreGoesThroughPgBouncer() {
		try (ClusterInstance a = startDirect(); ClusterInstance b = startDirect()) {
			String thread = a.createThread("alice");
			b.emitter().watched.add(thread);
			String message = a.postMessage("alice", thread, "through PgBouncer").get("id").stringValue();
			await().until(() -> b.emitter().remoteEventIds(thread).contains(message));
			assertThat(b.eventIds("alice", thread)).contains(message);
			assertThat(a.relay().heard()).isNotNull();
			assertThat(b.relay().isListening()).isTrue();
		}
	}

	@Test
	void healthReportsWhenTheRelayLastHeardItsProbe() {
		try (ClusterInstance instance = startDirect()) {
			Instant heard = instance.relay().heard();
			assertThat(heard).isNotNull();
			Health health = instance.bean(AcpHealthIndicator.class).health().block();
			assertThat(health.getDetails().get("cluster"))
				.isEqualTo(Map.of("transport", "postgres", "listening", true, "heard", heard.toString()));
		}
	}

	private static ClusterInstance startDirect() {
		return ClusterInstance.start(ClusterInstance.replaceable(), "spring.r2dbc.url=" + pgBouncer.r2dbcUrl(),
				"acp.cluster.postgres.url=" + database.r2dbcUrl());
	}

}
