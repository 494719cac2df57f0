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

import io.github.agentprotocols.acp.cluster.ClusterChannelDeafException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the cluster relay listens on its channel but
 * does not hear its own probe there. With PostgreSQL that is typically a PgBouncer in
 * transaction pooling, which accepts {@code LISTEN} and delivers no notifications.
 */
class AcpClusterChannelDeafFailureAnalyzer extends AbstractFailureAnalyzer<ClusterChannelDeafException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ClusterChannelDeafException cause) {
		if (!"postgres".equals(cause.transport())) {
			return new FailureAnalysis(cause.getMessage() + ": the broadcasts of the other instances would not arrive.",
					"Check that the relay's " + cause.transport() + " channel delivers what is sent on it,"
							+ " or set acp.cluster.transport=none for a single instance.",
					cause);
		}
		return new FailureAnalysis(cause.getMessage()
				+ ": its LISTEN hears nothing, so the broadcasts of the other instances would not arrive. This is"
				+ " typically a PgBouncer in transaction pooling between the application and PostgreSQL: it accepts"
				+ " LISTEN on one server connection, hands that connection to other clients after the statement and"
				+ " delivers no notification.",
				"Give the relay a direct connection to PostgreSQL (or through a PgBouncer in session pooling):"
						+ " set acp.cluster.postgres.url to its R2DBC URL, for example"
						+ " r2dbc:postgresql://user:password@db-host:5432/database, the application's connections"
						+ " staying on PgBouncer. Or relay through Redis instead: set acp.cluster.transport=redis"
						+ " with Spring Boot's spring.data.redis.* properties. The store's own connections through"
						+ " PgBouncer in transaction pooling need these settings too: "
						+ AcpPreparedStatementsSharedFailureAnalyzer.STORE_BEHIND_PGBOUNCER,
				cause);
	}

}
