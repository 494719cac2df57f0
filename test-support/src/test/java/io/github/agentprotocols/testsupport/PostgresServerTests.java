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

package io.github.agentprotocols.testsupport;

import java.nio.file.Path;
import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A {@link PostgresServer} of the test's own: the application's user reaches its database
 * over TCP, and the faults ({@code pg_terminate_backend}, a restart, a stop) are real;
 * with TLS a client that verifies the server's certificate and name connects encrypted.
 */
@UsesPostgres
class PostgresServerTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	static final PostgresServer server = PostgresServer.start();

	@AfterAll
	static void close() {
		server.close();
	}

	@Test
	void applicationUserReachesItsDatabaseOverTcp() {
		assertThat(server.r2dbcUrl()).startsWith("r2dbc:postgresql://app:").contains("@127.0.0.1:" + server.port());
		assertThat(server.port()).isBetween(23_000, 29_999);
		try (Session session = Session.open(server.r2dbcUrl())) {
			assertThat(session.query("SELECT current_user || '@' || current_database()")).isEqualTo("app@app");
		}
	}

	@Test
	void terminateConnectionsCutsEveryConnectionOfTheApplicationUser() {
		try (Session first = Session.open(server.r2dbcUrl()); Session second = Session.open(server.r2dbcUrl())) {
			assertThat(server.connections()).isGreaterThanOrEqualTo(2);
			assertThat(server.terminateConnections()).isGreaterThanOrEqualTo(2);
			assertThat(server.connections()).isZero();
			assertThatException().isThrownBy(() -> first.query("SELECT 1"));
			assertThatException().isThrownBy(() -> second.query("SELECT 1"));
		}
		try (Session again = Session.open(server.r2dbcUrl())) {
			assertThat(again.query("SELECT 1")).isEqualTo("1");
		}
	}

	@Test
	void restartCutsConnectionsAndKeepsPortAndData() {
		try (Session before = Session.open(server.r2dbcUrl())) {
			before.update("CREATE TABLE kept AS SELECT 'before the restart' AS value");
			server.restart();
			assertThatException().isThrownBy(() -> before.query("SELECT 1"));
		}
		try (Session after = Session.open(server.r2dbcUrl())) {
			assertThat(after.query("SELECT value FROM kept")).isEqualTo("before the restart");
		}
		finally {
			server.execute("DROP TABLE kept");
		}
	}

	@Test
	void stopClosesThePortAndCloseDeletesTheDirectory() {
		PostgresServer own = PostgresServer.start();
		try {
			assertThat(LoopbackPorts.accepts(own.port())).isTrue();
			own.stop();
			assertThat(LoopbackPorts.accepts(own.port())).isFalse();
		}
		finally {
			own.close();
		}
	}

	@Test
	void withTlsAClientVerifyingTheCertificateAndNameConnectsEncrypted(@TempDir Path directory) {
		TestCertificates certificates = TestCertificates.create(directory);
		try (PostgresServer tls = PostgresServer.start(new PostgresServer.Tls(certificates.server().certificateFile(),
				certificates.server().privateKeyFile(), certificates.authorityFile()))) {
			String url = tls.r2dbcUrl().replace("@127.0.0.1:", "@localhost:") + "?sslMode=verify-full&sslRootCert="
					+ certificates.authorityFile();
			try (Session session = Session.open(url)) {
				assertThat(session.query("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
					.isEqualTo("true");
			}
		}
	}

	/**
	 * One connection, closed at the end.
	 */
	private record Session(Connection connection) implements AutoCloseable {

		static Session open(String url) {
			return new Session(Mono.from(ConnectionFactories.get(url).create()).block(WAIT));
		}

		String query(String sql) {
			return Flux.from(this.connection.createStatement(sql).execute())
				.flatMap((result) -> result.map((row, metadata) -> String.valueOf(row.get(0))))
				.single()
				.block(WAIT);
		}

		void update(String sql) {
			Flux.from(this.connection.createStatement(sql).execute())
				.flatMap((result) -> result.getRowsUpdated())
				.then()
				.block(WAIT);
		}

		@Override
		public void close() {
			Mono.from(this.connection.close()).onErrorResume((ex) -> Mono.empty()).block(WAIT);
		}

	}

}
