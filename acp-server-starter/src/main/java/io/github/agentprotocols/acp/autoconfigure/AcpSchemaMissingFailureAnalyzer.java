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

import io.github.agentprotocols.acp.r2dbc.AcpSchemaMissingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the PostgreSQL store found no ACP tables, and
 * names the ways to create them: the starter's own initialization, the application's
 * Flyway, or the scripts applied by hand.
 */
class AcpSchemaMissingFailureAnalyzer extends AbstractFailureAnalyzer<AcpSchemaMissingException> {

	/** Where the starter's schema scripts are, as a Flyway location. */
	static final String FLYWAY_LOCATION = "classpath:META-INF/acp/schema";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AcpSchemaMissingException cause) {
		String prefix = cause.tablePrefix();
		return new FailureAnalysis(
				cause.getMessage() + ". The x64acp PostgreSQL store needs them, and " + InitializeSchemaProperty.NAME
						+ " (embedded by default) creates them only in an embedded"
						+ " database, which PostgreSQL is not.",
				"Create the ACP tables in one of these ways. Let the starter create and migrate them at start-up: set "
						+ InitializeSchemaProperty.NAME + "=always. Or, if the application migrates its database"
						+ " with Flyway, add " + FLYWAY_LOCATION + " to spring.flyway.locations and set"
						+ " spring.flyway.placeholders.prefix=" + prefix + " (the acp.store.table-prefix). Or apply"
						+ " the scripts META-INF/acp/schema/V<n>__*.sql of the starter's jar yourself, in order,"
						+ " with ${prefix} replaced by " + prefix + ".",
				cause);
	}

}
