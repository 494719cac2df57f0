package io.github.agentprotocols.acp.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The REST rules of namespace mode on the in-memory store.
 */
@SpringBootTest(classes = AcpRestTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "acp.namespace-keys=org",
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration" })
class InMemoryAcpNamespaceRestTests extends AcpNamespaceRestContractTests {

}
