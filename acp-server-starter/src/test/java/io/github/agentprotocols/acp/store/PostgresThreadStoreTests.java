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
