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

package io.github.agentprotocols.testsupport;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL database reachable over R2DBC, as handed out by {@link PostgresFixture}.
 *
 * @param r2dbcUrl the R2DBC URL, credentials included
 */
public record PostgresDatabase(String r2dbcUrl) {

	/**
	 * Create a connection factory for this database.
	 * @return a new connection factory
	 */
	public ConnectionFactory connectionFactory() {
		return ConnectionFactories.get(this.r2dbcUrl);
	}

	/**
	 * Point Spring Boot's R2DBC auto-configuration at this database.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public void registerR2dbcProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.r2dbc.url", this::r2dbcUrl);
	}

}
