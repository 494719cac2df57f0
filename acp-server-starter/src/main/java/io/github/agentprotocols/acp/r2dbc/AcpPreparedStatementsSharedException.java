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

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;

/**
 * Thrown on start-up when the database's server connections are shared between client
 * connections from one transaction to the next (a PgBouncer in transaction pooling) and
 * the R2DBC driver names its prepared statements, which then collide;
 * {@code AcpPreparedStatementsSharedFailureAnalyzer} names the settings to change.
 */
public class AcpPreparedStatementsSharedException extends AcpException {

	/**
	 * Creates the exception.
	 */
	public AcpPreparedStatementsSharedException() {
		super(AcpErrorCode.INTERNAL_ERROR,
				"The R2DBC driver's named prepared statements collide on the database's server connections"
						+ " (prepared statement \"S_n\" already exists): they are shared between connections from one"
						+ " transaction to the next");
	}

}
