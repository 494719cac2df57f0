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
 * A PostgreSQL server of the driver's own restarted: a fast shutdown (every connection
 * cut, transactions rolled back), then started again on its port, settled when it accepts
 * connections.
 */
public final class PostgresRestart implements Fault {

	private final PostgresServer server;

	/**
	 * The restart of the server.
	 * @param server the server, never the shared test database
	 */
	public PostgresRestart(PostgresServer server) {
		this.server = server;
	}

	@Override
	public String name() {
		return "pg-restart";
	}

	@Override
	public void inject() {
		this.server.restart();
	}

}
