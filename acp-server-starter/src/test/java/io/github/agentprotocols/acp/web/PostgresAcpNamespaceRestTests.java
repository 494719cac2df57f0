package io.github.agentprotocols.acp.web;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST rules of namespace mode on PostgreSQL, in a schema of this class's own.
 */
@SpringBootTest(classes = AcpRestTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "acp.namespace-keys=org")
@DirtiesContext
@UsesPostgres
class PostgresAcpNamespaceRestTests extends AcpNamespaceRestContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresAcpNamespaceRestTests.class);

	@DynamicPropertySource
	static void r2dbc(DynamicPropertyRegistry registry) {
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Test
	void starterChoseThePostgresStore() {
		assertThat(this.store).isInstanceOf(PostgresThreadStore.class);
	}

}
