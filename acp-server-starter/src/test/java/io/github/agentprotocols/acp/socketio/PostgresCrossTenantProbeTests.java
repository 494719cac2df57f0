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
