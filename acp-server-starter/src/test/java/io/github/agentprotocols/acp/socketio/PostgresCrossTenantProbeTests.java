package io.github.agentprotocols.acp.socketio;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cross-tenant probes on PostgreSQL, in a schema of this class's own.
 */
@SpringBootTest(classes = CrossTenantProbeContractTests.ProbeApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@UsesPostgres
class PostgresCrossTenantProbeTests extends CrossTenantProbeContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresCrossTenantProbeTests.class);

	@DynamicPropertySource
	static void r2dbc(DynamicPropertyRegistry registry) {
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

}
