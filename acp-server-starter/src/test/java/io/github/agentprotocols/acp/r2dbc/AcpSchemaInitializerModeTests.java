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

package io.github.agentprotocols.acp.r2dbc;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.r2dbc.OptionsCapableConnectionFactory;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Whether {@link AcpSchemaInitializer} goes to the database on start-up, as its mode says
 * for the database: the connection factory refuses every connection, so an initializer
 * that goes there fails.
 */
class AcpSchemaInitializerModeTests {

	private final ConnectionFactory database = mock();

	AcpSchemaInitializerModeTests() {
		given(this.database.getMetadata()).willReturn(() -> "PostgreSQL");
		given(this.database.create()).willAnswer((invocation) -> Mono.error(new IllegalStateException("refused")));
	}

	@Test
	void alwaysAppliesTheSchema() {
		assertAppliesTheSchema(initializer(this.database, DatabaseInitializationMode.ALWAYS));
	}

	@Test
	void neverLeavesTheDatabaseAlone() {
		assertLeavesTheDatabaseAlone(initializer(this.database, DatabaseInitializationMode.NEVER));
	}

	@Test
	void embeddedAppliesTheSchemaToAnEmbeddedDatabase() {
		assertAppliesTheSchema(initializer(withUrl("r2dbc:h2:mem:///acp"), DatabaseInitializationMode.EMBEDDED));
	}

	@Test
	void embeddedLeavesPostgresAlone() {
		assertLeavesTheDatabaseAlone(
				initializer(withUrl("r2dbc:postgresql://db.example/acp"), DatabaseInitializationMode.EMBEDDED));
	}

	@Test
	void embeddedLeavesAConnectionFactoryOfUnknownOptionsAlone() {
		assertLeavesTheDatabaseAlone(initializer(this.database, DatabaseInitializationMode.EMBEDDED));
	}

	@Test
	void theConstructorsWithoutAModeApplyTheSchema() {
		assertAppliesTheSchema(new AcpSchemaInitializer(DatabaseClient.create(this.database)));
		assertAppliesTheSchema(new AcpSchemaInitializer(DatabaseClient.create(this.database), "chat_"));
	}

	private ConnectionFactory withUrl(String url) {
		return new OptionsCapableConnectionFactory(ConnectionFactoryOptions.parse(url), this.database);
	}

	private static AcpSchemaInitializer initializer(ConnectionFactory connectionFactory,
			DatabaseInitializationMode mode) {
		return new AcpSchemaInitializer(DatabaseClient.create(connectionFactory), "acp_", mode);
	}

	private void assertAppliesTheSchema(AcpSchemaInitializer initializer) {
		assertThatException().isThrownBy(initializer::afterPropertiesSet)
			.satisfies((failure) -> assertThat(failure).hasStackTraceContaining("refused"));
	}

	private void assertLeavesTheDatabaseAlone(AcpSchemaInitializer initializer) {
		assertThatNoException().isThrownBy(initializer::afterPropertiesSet);
		verify(this.database, never()).create();
	}

}
