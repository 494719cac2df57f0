package io.github.agentprotocols.acp.socketio;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The cross-tenant probes on the store in memory.
 */
@SpringBootTest(classes = CrossTenantProbeContractTests.ProbeApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@DirtiesContext
class InMemoryCrossTenantProbeTests extends CrossTenantProbeContractTests {

}
