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

package io.github.agentprotocols.acp.web;

import java.util.List;

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
 * The REST API on PostgreSQL, chosen by the starter from {@code spring.r2dbc.url} and
 * with the schema applied by it at start-up, in a schema of this class's own.
 */
@SpringBootTest(classes = AcpRestTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@UsesPostgres
class PostgresAcpRestTests extends AcpRestContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresAcpRestTests.class);

	@DynamicPropertySource
	static void r2dbc(DynamicPropertyRegistry registry) {
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected void resetStore() {
		database.empty();
	}

	@Override
	protected List<String> storeProperties() {
		return List.of("spring.r2dbc.url=" + database.r2dbcUrl());
	}

	@Test
	void starterChoseThePostgresStore() {
		assertThat(this.store).isInstanceOf(PostgresThreadStore.class);
	}

}
