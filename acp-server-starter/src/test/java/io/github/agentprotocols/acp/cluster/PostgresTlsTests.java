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

import io.github.agentprotocols.testsupport.PostgresServer;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * ACP on a PostgreSQL that accepts TLS, reached with the driver's
 * {@code sslMode=verify-full}: with the certificate authority that signed the server's
 * certificate (for {@code 127.0.0.1}) the store and the relay work over TLS, every
 * connection encrypted; with another authority the start-up fails on the handshake
 * instead of going on unverified. The server is one of the test's own, its certificates
 * made at test time.
 */
@UsesPostgres
class PostgresTlsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	static TestCertificates certificates;

	static PostgresServer server;

	@BeforeAll
	static void startServer() {
		certificates = TestCertificates.create();
		server = PostgresServer.start(new PostgresServer.Tls(certificates.server().certificateFile(),
				certificates.server().privateKeyFile(), null));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void storeAndRelayWorkOverVerifiedTls() {
		try (ClusterInstance a = start(certificates); ClusterInstance b = start(certificates)) {
			String thread = a.createThread("alice");
			b.emitter().watched.add(thread);
			String message = a.postMessage("alice", thread, "over TLS").get("id").stringValue();
			assertThat(b.eventIds("alice", thread)).as("the store, read on the other instance").contains(message);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(b.emitter().remoteEventIds(thread)).as("relayed to the other instance")
					.contains(message));
			DatabaseClient database = a.bean(DatabaseClient.class);
			assertThat(database.sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
				.map((row) -> row.get(0, Boolean.class))
				.one()
				.block()).as("this connection uses TLS").isTrue();
			assertThat(server
				.execute("SELECT count(*) FILTER (WHERE NOT s.ssl) || ',' || count(*)"
						+ " FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = '" + server.user()
						+ "'")
				.trim()).as("the application's connections without TLS, of all").startsWith("0,").isNotEqualTo("0,0");
		}
	}

	@Test
	void anUntrustedServerCertificateFailsTheStartUp() {
		TestCertificates other = TestCertificates.create();
		assertThatException().isThrownBy(() -> start(other).close())
			.satisfies((failure) -> assertThat(failure).hasStackTraceContaining("PKIX"));
	}

	private static ClusterInstance start(TestCertificates trusted) {
		String url = server.r2dbcUrl() + "?sslMode=verify-full&sslRootCert=" + trusted.authorityFile();
		// The server is the test's own and starts empty: the starter creates the tables.
		return ClusterInstance.start(
				new SpringApplicationBuilder(ClusterTestApplication.class), List
					.of("spring.r2dbc.url=" + url, "acp.store.initialize-schema=always",
							"acp.cluster.transport=postgres", "acp.cluster.probe-interval=1s")
					.toArray(String[]::new));
	}

}
