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

package io.github.agentprotocols.acp.autoconfigure;

import java.time.Clock;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.r2dbc.AcpPreparedStatementsCheck;
import io.github.agentprotocols.acp.r2dbc.AcpSchemaCheck;
import io.github.agentprotocols.acp.r2dbc.AcpSchemaInitializer;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The choice of {@link ThreadStore}, imported in this order by
 * {@link AcpAutoConfiguration}: as {@code acp.store.type} says, else PostgreSQL when the
 * application has an R2DBC {@link ConnectionFactory}, else the application's memory.
 * PostgreSQL comes with its schema's initialization, as
 * {@code acp.store.initialize-schema} says, and a check that the tables exist once the
 * database is initialized (by the starter, the application's Flyway or anything else
 * Spring Boot knows as a database initializer).
 */
final class AcpStoreConfigurations {

	private static final String TYPE = "acp.store.type";

	private AcpStoreConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.r2dbc.spi.ConnectionFactory", "io.r2dbc.postgresql.PostgresqlConnectionFactory",
			"org.springframework.r2dbc.core.DatabaseClient" })
	@ConditionalOnBean(type = "io.r2dbc.spi.ConnectionFactory")
	@ConditionalOnMissingBean(ThreadStore.class)
	@ConditionalOnProperty(name = TYPE, havingValue = "r2dbc", matchIfMissing = true)
	static class Postgres {

		@Bean
		PostgresThreadStore acpThreadStore(ConnectionFactory connectionFactory, AcpProperties properties) {
			return new PostgresThreadStore(DatabaseClient.create(connectionFactory),
					new AcpPropertiesMapper(properties).tablePrefix());
		}

		@Bean
		@ConditionalOnMissingBean
		@Conditional(OnSchemaInitializationCondition.class)
		AcpSchemaInitializer acpSchemaInitializer(ConnectionFactory connectionFactory, AcpProperties properties) {
			return new AcpSchemaInitializer(DatabaseClient.create(connectionFactory),
					new AcpPropertiesMapper(properties).tablePrefix(), properties.getStore().getInitializeSchema());
		}

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		AcpSchemaCheck acpSchemaCheck(ConnectionFactory connectionFactory, AcpProperties properties) {
			return new AcpSchemaCheck(DatabaseClient.create(connectionFactory),
					new AcpPropertiesMapper(properties).tablePrefix());
		}

		@Bean
		@ConditionalOnMissingBean
		AcpPreparedStatementsCheck acpPreparedStatementsCheck(ConnectionFactory connectionFactory) {
			return new AcpPreparedStatementsCheck(connectionFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ThreadStore.class)
	@ConditionalOnProperty(name = TYPE, havingValue = "memory", matchIfMissing = true)
	static class InMemory {

		@Bean
		InMemoryThreadStore acpThreadStore(Clock clock) {
			return new InMemoryThreadStore(clock);
		}

	}

	/**
	 * Fails the start-up, naming the property, when {@code acp.store.type=r2dbc} finds no
	 * R2DBC connection factory.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ThreadStore.class)
	@ConditionalOnProperty(name = TYPE, havingValue = "r2dbc")
	static class R2dbcMissing {

		@Bean
		ThreadStore acpThreadStore() {
			throw new InvalidConfigurationPropertyValueException(TYPE, "r2dbc",
					"the application has no R2DBC ConnectionFactory (set spring.r2dbc.url), or no PostgreSQL R2DBC"
							+ " driver and spring-r2dbc on its class path");
		}

	}

}
