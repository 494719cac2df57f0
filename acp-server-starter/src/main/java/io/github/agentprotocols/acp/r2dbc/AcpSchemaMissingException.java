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

import java.util.List;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;

/**
 * Thrown on start-up when the database has none, or not all, of the ACP tables:
 * {@code acp.store.initialize-schema} did not create them (it is {@code embedded} by
 * default, which leaves PostgreSQL alone), and nothing else did;
 * {@code AcpSchemaMissingFailureAnalyzer} reports the ways to create them.
 */
public class AcpSchemaMissingException extends AcpException {

	/** The prefix of the ACP tables. */
	private final String tablePrefix;

	/** The missing tables, prefix included. */
	private final List<String> missingTables;

	/**
	 * Creates the exception.
	 * @param tablePrefix the prefix of the ACP tables
	 * @param missingTables the names of the missing tables, prefix included
	 */
	public AcpSchemaMissingException(String tablePrefix, List<String> missingTables) {
		super(AcpErrorCode.INTERNAL_ERROR, "The database has no ACP table" + ((missingTables.size() > 1) ? "s " : " ")
				+ String.join(", ", missingTables) + " (in the connection's search path)");
		this.tablePrefix = tablePrefix;
		this.missingTables = List.copyOf(missingTables);
	}

	/**
	 * The prefix of the ACP tables.
	 * @return for example {@code acp_}
	 */
	public String tablePrefix() {
		return this.tablePrefix;
	}

	/**
	 * The missing tables.
	 * @return their names, prefix included
	 */
	public List<String> missingTables() {
		return this.missingTables;
	}

}
