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

package io.github.agentprotocols.benchmarks.acp;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import io.r2dbc.spi.ConnectionFactories;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The PostgreSQL of the ACP benchmarks: a schema of one run's own, created in a given
 * database or in the database that {@value #URL_PROPERTY} (a system property) or else
 * {@value #URL_VARIABLE} (an environment variable) names, and dropped with everything in
 * it when closed.
 */
public final class AcpBenchDatabase implements AutoCloseable {

	/** System property holding an R2DBC URL with credentials. */
	static final String URL_PROPERTY = "bench.pg.url";

	/** Environment variable read when the system property is not set. */
	static final String URL_VARIABLE = "TEST_PG_R2DBC_URL";

	private static final Duration WAIT = Duration.ofMinutes(1);

	private final String url;

	private final String schema;

	private AcpBenchDatabase(String url, String schema) {
		this.url = url;
		this.schema = schema;
	}

	/**
	 * Create a schema named {@code bench_acp_<random>} in the configured database.
	 * @return the database
	 * @throws IllegalStateException if no database is configured
	 */
	public static AcpBenchDatabase create() {
		return create(configuredUrl());
	}

	/**
	 * Create a schema named {@code bench_acp_<random>} in the database of an R2DBC URL.
	 * @param url the R2DBC URL, with credentials
	 * @return the database
	 */
	public static AcpBenchDatabase create(String url) {
		String schema = "bench_acp_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		execute(url, "CREATE SCHEMA " + schema);
		return new AcpBenchDatabase(url, schema);
	}

	private static String configuredUrl() {
		String url = System.getProperty(URL_PROPERTY);
		if (url == null || url.isBlank()) {
			url = System.getenv(URL_VARIABLE);
		}
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("The ACP benchmarks need PostgreSQL: set " + URL_VARIABLE + " or -D"
					+ URL_PROPERTY + " to an R2DBC URL such as r2dbc:postgresql://user:password@127.0.0.1:5432/db");
		}
		return url.trim();
	}

	/**
	 * The R2DBC URL of this schema.
	 * @return the configured URL with the {@code schema} option
	 */
	String r2dbcUrl() {
		return this.url + (this.url.contains("?") ? "&" : "?") + "schema=" + this.schema;
	}

	@Override
	public void close() {
		execute(this.url, "DROP SCHEMA " + this.schema + " CASCADE");
	}

	private static void execute(String url, String sql) {
		DatabaseClient.create(ConnectionFactories.get(url)).sql(sql).then().block(WAIT);
	}

}
