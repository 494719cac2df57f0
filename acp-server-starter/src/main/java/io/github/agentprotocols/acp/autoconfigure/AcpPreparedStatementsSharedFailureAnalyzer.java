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

package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.r2dbc.AcpPreparedStatementsSharedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the store's connections go through a PgBouncer
 * in transaction pooling with the R2DBC driver's named prepared statements, and names
 * every setting that the store and the cluster relay need there.
 */
class AcpPreparedStatementsSharedFailureAnalyzer extends AbstractFailureAnalyzer<AcpPreparedStatementsSharedException> {

	/**
	 * The settings of the store's connections behind PgBouncer in transaction pooling.
	 */
	static final String STORE_BEHIND_PGBOUNCER = "Add preparedStatementCacheQueries=0 to spring.r2dbc.url, for example"
			+ " r2dbc:postgresql://user:password@pgbouncer-host:6432/database?preparedStatementCacheQueries=0, so"
			+ " that the driver uses the unnamed statement; list extra_float_digits in PgBouncer's"
			+ " ignore_startup_parameters (the driver sends it at every connect); and set the schema by"
			+ " PgBouncer's connect_query or the role's search_path, not by the URL's schema option.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AcpPreparedStatementsSharedException cause) {
		return new FailureAnalysis(
				cause.getMessage() + ". This is a PgBouncer in transaction pooling between the"
						+ " application and PostgreSQL: the store would fail a part of its requests with 500.",
				STORE_BEHIND_PGBOUNCER + " With acp.cluster.transport=postgres the cluster relay's LISTEN hears"
						+ " nothing through transaction pooling: also set acp.cluster.postgres.url to a direct"
						+ " connection to PostgreSQL, or relay through Redis with acp.cluster.transport=redis.",
				cause);
	}

}
