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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL database that R2DBC tests run against. It comes from the
 * {@value #URL_VARIABLE} environment variable when set, else from a Testcontainers
 * container when a Docker engine is available; with neither, asking for it fails with a
 * message naming both options. Tests are never skipped for want of a database.
 */
public final class PostgresFixture {

	/** Environment variable holding an R2DBC URL with credentials. */
	public static final String URL_VARIABLE = "TEST_PG_R2DBC_URL";

	private static PostgresDatabase shared;

	private PostgresFixture() {
	}

	/**
	 * Return the database shared by all tests of this JVM, resolving it on first use.
	 * @return the database
	 * @throws IllegalStateException if neither option is available, or in the unit-test
	 * phase (the test class lacks {@link UsesPostgres})
	 */
	public static synchronized PostgresDatabase database() {
		ExternalServices.requireIntegrationPhase("PostgreSQL", UsesPostgres.class);
		if (shared == null) {
			shared = resolve(System.getenv(), () -> DockerClientFactory.instance().isDockerAvailable(),
					PostgresFixture::startContainer);
		}
		return shared;
	}

	static PostgresDatabase resolve(Map<String, String> environment, BooleanSupplier dockerAvailable,
			Supplier<PostgresDatabase> container) {
		String url = environment.get(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return new PostgresDatabase(url.trim());
		}
		if (dockerAvailable.getAsBoolean()) {
			return container.get();
		}
		throw new IllegalStateException("No PostgreSQL for tests: set " + URL_VARIABLE
				+ " to an R2DBC URL such as r2dbc:postgresql://user:password@127.0.0.1:5432/database"
				+ " (.ci/run does this), or make a Docker engine available so that Testcontainers can start one.");
	}

	@SuppressWarnings("resource")
	private static PostgresDatabase startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
		container.start();
		String url = "r2dbc:postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
				+ container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/"
				+ container.getDatabaseName();
		return new PostgresDatabase(url);
	}

}
