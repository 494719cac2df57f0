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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.r2dbc.AcpSchemaInitializer;
import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.testsupport.PostgresFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that migrates its database with Flyway, Spring Boot's auto-configured
 * one, applies the starter's scripts from {@code classpath:META-INF/acp/schema}, with the
 * table prefix as the {@code prefix} placeholder, and the starter creates nothing
 * ({@code acp.store.initialize-schema=never}): Flyway runs before the starter checks that
 * the tables exist, and the store works on them. A database the starter initialized
 * before moves to Flyway with a baseline at the version it applied.
 */
@UsesPostgres
class AcpSchemaFlywayTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final AcpTestDatabase database = AcpTestDatabase.createEmpty(AcpSchemaFlywayTests.class);

	@AfterEach
	void dropSchema() {
		this.database.close();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "acp_", "chat_" })
	void flywayAppliesTheStartersScripts(String prefix) {
		try (ConfigurableApplicationContext context = start("--acp.store.table-prefix=" + prefix,
				"--spring.flyway.placeholders.prefix=" + prefix)) {
			assertThat(this.database.tables())
				.contains("flyway_schema_history", prefix + "threads", prefix + "thread_members", prefix + "runs",
						prefix + "invocations", prefix + "events")
				.doesNotContain(prefix + "schema_version");
			assertThat(appliedMigrations()).containsExactly(Map.of("version", "1", "description", "threads"));
			AcpSchemaPostgresTests.assertStoreWorks(context);
		}
	}

	@Test
	void aDatabaseTheStarterInitializedMovesToFlywayWithABaseline() {
		new AcpSchemaInitializer(this.database.client()).initialize().block(WAIT);
		AcpThread before = new PostgresThreadStore(this.database.client(), "acp_")
			.createThread(NewThread.withTenant(TenantScope.PUBLIC), Identity.user("alice", "Alice"))
			.block(WAIT)
			.thread();
		try (ConfigurableApplicationContext context = start("--spring.flyway.placeholders.prefix=acp_",
				"--spring.flyway.baseline-on-migrate=true", "--spring.flyway.baseline-version=1")) {
			assertThat(appliedMigrations())
				.containsExactly(Map.of("version", "1", "description", "<< Flyway Baseline >>"));
			assertThat(context.getBean(ThreadStore.class).findThread(before.id()).block(WAIT)).isEqualTo(before);
			AcpSchemaPostgresTests.assertStoreWorks(context);
		}
	}

	private List<Map<String, Object>> appliedMigrations() {
		return this.database.client()
			.sql("SELECT version, description FROM flyway_schema_history WHERE success ORDER BY installed_rank")
			.fetch()
			.all()
			.collectList()
			.block(WAIT);
	}

	private ConfigurableApplicationContext start(String... args) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(PostgresFixture.database().r2dbcUrl());
		Object port = options.getValue(ConnectionFactoryOptions.PORT);
		String jdbcUrl = "jdbc:postgresql://" + options.getRequiredValue(ConnectionFactoryOptions.HOST) + ":"
				+ ((port != null) ? port : 5432) + "/" + options.getRequiredValue(ConnectionFactoryOptions.DATABASE);
		return new SpringApplicationBuilder(FlywayApplication.class).web(WebApplicationType.NONE)
			.properties("spring.r2dbc.url=" + this.database.r2dbcUrl(), "spring.flyway.url=" + jdbcUrl,
					"spring.flyway.user=" + options.getRequiredValue(ConnectionFactoryOptions.USER),
					"spring.flyway.password=" + options.getRequiredValue(ConnectionFactoryOptions.PASSWORD),
					"spring.flyway.default-schema=" + this.database.schema(),
					"spring.flyway.locations=classpath:META-INF/acp/schema", "acp.store.initialize-schema=never",
					"acp.cluster.transport=none", "spring.main.banner-mode=off")
			.run(args);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class FlywayApplication {

	}

}
