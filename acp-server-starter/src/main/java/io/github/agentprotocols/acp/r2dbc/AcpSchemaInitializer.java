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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.r2dbc.EmbeddedDatabaseConnection;
import org.springframework.boot.r2dbc.OptionsCapableConnectionFactory;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.ClassUtils;

/**
 * Applies the versioned ACP schema (spec §7.2) on start-up. The schema ships as SQL
 * resources {@code META-INF/acp/schema/V<n>__<description>.sql}; a version table
 * ({@code <prefix>schema_version}) records which were applied, so a later release adds a
 * script that migrates the tables. Scripts newer than the recorded version run in order,
 * in one transaction holding an advisory lock, so instances starting together apply each
 * script once. The scripts' DDL is idempotent as well. Whether it applies them on
 * start-up is its {@link DatabaseInitializationMode}: {@code embedded} only for an
 * embedded database (never PostgreSQL), {@code always}, or {@code never}.
 */
public class AcpSchemaInitializer implements InitializingBean {

	static final String SCRIPTS = "classpath*:META-INF/acp/schema/V*__*.sql";

	private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

	private final DatabaseClient client;

	private final TablePrefix prefix;

	private final TransactionalOperator transactions;

	private final DatabaseInitializationMode mode;

	/**
	 * Creates an initializer for the tables with the default prefix {@code acp_}, which
	 * applies the schema on start-up.
	 * @param client the database client
	 */
	public AcpSchemaInitializer(DatabaseClient client) {
		this(client, TablePrefix.DEFAULT);
	}

	/**
	 * Creates an initializer for the tables with the given prefix, which applies the
	 * schema on start-up.
	 * @param client the database client
	 * @param tablePrefix the prefix of the ACP tables: lower-case letters, digits and
	 * underscores
	 */
	public AcpSchemaInitializer(DatabaseClient client, String tablePrefix) {
		this(client, tablePrefix, DatabaseInitializationMode.ALWAYS);
	}

	/**
	 * Creates an initializer for the tables with the given prefix.
	 * @param client the database client
	 * @param tablePrefix the prefix of the ACP tables: lower-case letters, digits and
	 * underscores
	 * @param mode when to apply the schema on start-up
	 */
	public AcpSchemaInitializer(DatabaseClient client, String tablePrefix, DatabaseInitializationMode mode) {
		this.client = client;
		this.prefix = new TablePrefix(tablePrefix);
		this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(client.getConnectionFactory()));
		this.mode = mode;
	}

	/**
	 * Applies the schema, blocking until done, unless the mode says otherwise for this
	 * database.
	 */
	@Override
	public void afterPropertiesSet() {
		if (isEnabled()) {
			initialize().block();
		}
	}

	private boolean isEnabled() {
		return switch (this.mode) {
			case ALWAYS -> true;
			case EMBEDDED -> EmbeddedDatabase.isEmbedded(this.client.getConnectionFactory());
			case NEVER -> false;
		};
	}

	/**
	 * Applies every script newer than the database's schema version.
	 * @return the schema version after initialization
	 */
	public Mono<Integer> initialize() {
		List<Script> scripts = scripts();
		Mono<Integer> migration = this.client
			.sql(this.prefix.sql("SELECT pg_advisory_xact_lock(hashtext('${prefix}schema_version'))"))
			.then()
			.then(this.client.sql(this.prefix.sql("""
					CREATE TABLE IF NOT EXISTS ${prefix}schema_version (
						version INT PRIMARY KEY,
						description TEXT NOT NULL,
						applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())""")).then())
			.then(currentVersion())
			.flatMap((current) -> Flux.fromIterable(scripts)
				.filter((script) -> script.version() > current)
				.concatMap((script) -> apply(script).thenReturn(script.version()))
				.last(current));
		return migration.as(this.transactions::transactional).onErrorMap(PostgresFailures::translate);
	}

	private Mono<Integer> currentVersion() {
		return this.client
			.sql(this.prefix.sql("SELECT COALESCE(MAX(version), 0) AS version FROM ${prefix}schema_version"))
			.map((row) -> Objects.requireNonNull(row.get("version", Integer.class)))
			.one();
	}

	private Mono<Void> apply(Script script) {
		return this.client.sql(this.prefix.sql(script.sql()))
			.then()
			.then(this.client
				.sql(this.prefix.sql("INSERT INTO ${prefix}schema_version (version, description) VALUES (:v, :d)"))
				.bind("v", script.version())
				.bind("d", script.description())
				.then());
	}

	private static List<Script> scripts() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(SCRIPTS);
			return Arrays.stream(resources)
				.map(AcpSchemaInitializer::script)
				.sorted(Comparator.comparingInt(Script::version))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the ACP schema scripts", ex);
		}
	}

	private static Script script(Resource resource) {
		Matcher name = SCRIPT_NAME.matcher(Objects.requireNonNull(resource.getFilename()));
		if (!name.matches()) {
			throw new IllegalStateException("not a schema script name: " + resource.getFilename());
		}
		try {
			return new Script(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
					resource.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

	private record Script(int version, String description, String sql) {

	}

	/**
	 * Whether a connection factory is an embedded database, as Spring Boot's R2DBC
	 * support tells (H2 in memory); without it, or for a connection factory it did not
	 * create, none is.
	 */
	private static final class EmbeddedDatabase {

		private static final boolean BOOT_R2DBC_PRESENT = ClassUtils.isPresent(
				"org.springframework.boot.r2dbc.EmbeddedDatabaseConnection", EmbeddedDatabase.class.getClassLoader());

		static boolean isEmbedded(ConnectionFactory connectionFactory) {
			return BOOT_R2DBC_PRESENT && BootR2dbc.isEmbedded(connectionFactory);
		}

		private static final class BootR2dbc {

			static boolean isEmbedded(ConnectionFactory connectionFactory) {
				return OptionsCapableConnectionFactory.unwrapFrom(connectionFactory) != null
						&& EmbeddedDatabaseConnection.isEmbedded(connectionFactory);
			}

		}

	}

}
