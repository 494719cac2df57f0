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
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Checks on start-up that the ACP tables exist, whoever created them: the starter's
 * {@link AcpSchemaInitializer}, Flyway, or a database administrator. A database that
 * answers without them fails the start-up with an {@link AcpSchemaMissingException}; one
 * that does not answer within {@value #TIMEOUT_SECONDS} s is only logged, and the store
 * reports it when used.
 */
public class AcpSchemaCheck implements InitializingBean {

	/** The tables of the schema, without their prefix. */
	static final List<String> TABLES = List.of("threads", "thread_members", "runs", "invocations", "events");

	static final int TIMEOUT_SECONDS = 10;

	private static final Log logger = LogFactory.getLog(AcpSchemaCheck.class);

	private final DatabaseClient client;

	private final TablePrefix prefix;

	/**
	 * Creates a check of the tables with the given prefix.
	 * @param client the database client
	 * @param tablePrefix the prefix of the ACP tables: lower-case letters, digits and
	 * underscores
	 */
	public AcpSchemaCheck(DatabaseClient client, String tablePrefix) {
		this.client = client;
		this.prefix = new TablePrefix(tablePrefix);
	}

	/**
	 * Fails when the database answers that tables are missing.
	 * @throws AcpSchemaMissingException naming the missing tables
	 */
	@Override
	public void afterPropertiesSet() {
		List<String> missing;
		try {
			missing = missingTables().block(Duration.ofSeconds(TIMEOUT_SECONDS));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check that the ACP tables exist: " + ex.getMessage());
			return;
		}
		if (missing != null && !missing.isEmpty()) {
			throw new AcpSchemaMissingException(this.prefix.value(), missing);
		}
	}

	/**
	 * The ACP tables that the connection's search path does not find.
	 * @return their names, prefix included, in the order of the schema
	 */
	public Mono<List<String>> missingTables() {
		String names = TABLES.stream().map((table) -> "'${prefix}" + table + "'").collect(Collectors.joining(", "));
		return this.client
			.sql(this.prefix.sql("SELECT t.name FROM unnest(ARRAY[" + names
					+ "]) WITH ORDINALITY AS t(name, position) WHERE to_regclass(t.name) IS NULL ORDER BY t.position"))
			.map((row) -> Objects.requireNonNull(row.get("name", String.class)))
			.all()
			.collectList();
	}

}
