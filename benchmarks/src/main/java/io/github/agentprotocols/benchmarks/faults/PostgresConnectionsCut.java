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

package io.github.agentprotocols.benchmarks.faults;

import io.github.agentprotocols.testsupport.PostgresServer;

/**
 * Every connection of the application's user to a PostgreSQL server of the driver's own
 * cut with {@code pg_terminate_backend}, settled when the terminated backends have
 * exited.
 */
public final class PostgresConnectionsCut implements Fault {

	private final PostgresServer server;

	/**
	 * The cut of the application's connections.
	 * @param server the server, never the shared test database
	 */
	public PostgresConnectionsCut(PostgresServer server) {
		this.server = server;
	}

	@Override
	public String name() {
		return "pg-terminate";
	}

	@Override
	public void inject() {
		this.server.terminateConnections();
	}

}
