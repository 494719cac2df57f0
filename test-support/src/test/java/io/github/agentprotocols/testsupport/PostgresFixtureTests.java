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

import java.util.Map;

import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@UsesPostgres
class PostgresFixtureTests {

	@Test
	void urlFromEnvironmentWinsOverDocker() {
		PostgresDatabase database = PostgresFixture.resolve(
				Map.of(PostgresFixture.URL_VARIABLE, " r2dbc:postgresql://u:p@localhost/db "), () -> true,
				() -> new PostgresDatabase("r2dbc:postgresql://container/db"));
		assertThat(database.r2dbcUrl()).isEqualTo("r2dbc:postgresql://u:p@localhost/db");
	}

	@Test
	void containerUsedWhenDockerAvailableAndNoUrl() {
		PostgresDatabase database = PostgresFixture.resolve(Map.of(), () -> true,
				() -> new PostgresDatabase("r2dbc:postgresql://container/db"));
		assertThat(database.r2dbcUrl()).isEqualTo("r2dbc:postgresql://container/db");
	}

	@Test
	void neitherOptionFailsNamingBoth() {
		assertThatIllegalStateException()
			.isThrownBy(() -> PostgresFixture.resolve(Map.of(PostgresFixture.URL_VARIABLE, " "), () -> false,
					() -> new PostgresDatabase("unused")))
			.withMessageContaining("TEST_PG_R2DBC_URL")
			.withMessageContaining("Docker");
	}

	@Test
	void sharedDatabaseAnswersQueries() {
		PostgresDatabase database = PostgresFixture.database();
		Integer answer = Mono
			.usingWhen(Mono.from(database.connectionFactory().create()),
					(connection) -> Flux.from(connection.createStatement("SELECT 40 + 2 AS answer").execute())
						.flatMap((result) -> result.map((row, metadata) -> row.get("answer", Integer.class)))
						.single(),
					Connection::close)
			.block();
		assertThat(answer).isEqualTo(42);
	}

}
