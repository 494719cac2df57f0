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

package io.github.agentprotocols.acp.store;

import java.time.Duration;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract run by the {@link PostgresThreadStore}, in a schema of its own.
 */
@UsesPostgres
class PostgresThreadStoreTests extends ThreadStoreContractTests {

	private static AcpTestDatabase database;

	@BeforeAll
	static void createSchema() {
		database = AcpTestDatabase.create(PostgresThreadStoreTests.class);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected ThreadStore createStore() {
		database.empty();
		return new PostgresThreadStore(database.client());
	}

	@Override
	protected void ageHeartbeats(Duration duration) {
		database.ageHeartbeats(duration);
	}

}
