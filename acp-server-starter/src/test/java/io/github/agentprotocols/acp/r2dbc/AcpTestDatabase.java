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

package io.github.agentprotocols.acp.r2dbc;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.github.agentprotocols.testsupport.PostgresFixture;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A schema of its own in the test database of {@link PostgresFixture}, for one test class
 * (or one test): created with the ACP tables applied, or without them, emptied between
 * tests, dropped at the end, so that test classes and concurrent builds never meet.
 */
public final class AcpTestDatabase implements AutoCloseable {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private final String schema;

	private final String r2dbcUrl;

	private final ConnectionPool pool;

	private final DatabaseClient client;

	private AcpTestDatabase(String schema, String r2dbcUrl, ConnectionPool pool) {
		this.schema = schema;
		this.r2dbcUrl = r2dbcUrl;
		this.pool = pool;
		this.client = DatabaseClient.create(pool);
	}

	/**
	 * Creates a schema named after the test class and applies the ACP schema in it.
	 * @param testClass the test class
	 * @return the database
	 */
	public static AcpTestDatabase create(Class<?> testClass) {
		AcpTestDatabase database = createEmpty(testClass);
		new AcpSchemaInitializer(database.client()).initialize().block(WAIT);
		return database;
	}

	/**
	 * Creates a schema named after the test class, without the ACP tables.
	 * @param testClass the test class
	 * @return the database
	 */
	public static AcpTestDatabase createEmpty(Class<?> testClass) {
		String schema = ("t_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
			.toLowerCase(Locale.ROOT);
		DatabaseClient.create(PostgresFixture.database().connectionFactory())
			.sql("CREATE SCHEMA " + schema)
			.then()
			.block(WAIT);
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(PostgresFixture.database().r2dbcUrl())
			.mutate()
			.option(PostgresqlConnectionFactoryProvider.SCHEMA, schema)
			.build();
		ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
			.initialSize(2)
			.maxSize(16)
			.maxAcquireTime(WAIT)
			.build());
		String url = PostgresFixture.database().r2dbcUrl();
		return new AcpTestDatabase(schema, url + (url.contains("?") ? "&" : "?") + "schema=" + schema, pool);
	}

	/**
	 * The name of this schema.
	 * @return the schema's name
	 */
	public String schema() {
		return this.schema;
	}

	/**
	 * The tables of this schema.
	 * @return their names, sorted
	 */
	public List<String> tables() {
		return this.client
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = :schema ORDER BY table_name")
			.bind("schema", this.schema)
			.map((row) -> Objects.requireNonNull(row.get("table_name", String.class)))
			.all()
			.collectList()
			.block(WAIT);
	}

	/**
	 * A client on the connection pool of this schema.
	 * @return the client
	 */
	public DatabaseClient client() {
		return this.client;
	}

	/**
	 * The R2DBC URL of this schema, for {@code spring.r2dbc.url}.
	 * @return the URL with the schema option
	 */
	public String r2dbcUrl() {
		return this.r2dbcUrl;
	}

	/**
	 * Runs SQL in this schema.
	 * @param sql the statement
	 */
	public void execute(String sql) {
		this.client.sql(sql).then().block(WAIT);
	}

	/**
	 * Makes every run's heartbeat older, as if that much time had passed since.
	 * @param duration how much older, in whole seconds
	 */
	public void ageHeartbeats(Duration duration) {
		execute("UPDATE acp_runs SET heartbeat_at = heartbeat_at - interval '" + duration.toSeconds() + " seconds'");
	}

	/**
	 * Deletes every thread, and with them everything that belongs to threads.
	 */
	public void empty() {
		execute("TRUNCATE acp_threads CASCADE");
	}

	@Override
	public void close() {
		this.pool.dispose();
		DatabaseClient.create(PostgresFixture.database().connectionFactory())
			.sql("DROP SCHEMA " + this.schema + " CASCADE")
			.then()
			.block(WAIT);
	}

}
