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
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Applications on PostgreSQL, as users write them, started against a schema without the
 * ACP tables: by default, and with {@code never} or the deprecated {@code false}, the
 * starter creates nothing and the start-up fails with the analysis of the missing tables;
 * with {@code always} or the deprecated {@code true} it creates them and the store works.
 */
@UsesPostgres
@ExtendWith(OutputCaptureExtension.class)
class AcpSchemaPostgresTests {

	private final AcpTestDatabase database = AcpTestDatabase.createEmpty(AcpSchemaPostgresTests.class);

	@AfterEach
	void dropSchema() {
		this.database.close();
	}

	@Test
	void byDefaultNothingIsAppliedToPostgresAndTheStartUpFailsNamingTheWaysOut(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start().close());
		assertAnalysisOfMissingTables(output);
		assertThat(this.database.tables()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "never", "false" })
	void neverAppliesNothingAndTheStartUpFails(String mode, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--acp.store.initialize-schema=" + mode).close());
		assertAnalysisOfMissingTables(output);
		assertThat(this.database.tables()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "always", "true" })
	void alwaysAppliesTheSchemaAndTheStoreWorks(String mode) {
		try (ConfigurableApplicationContext context = start("--acp.store.initialize-schema=" + mode)) {
			assertThat(this.database.tables()).contains("acp_schema_version", "acp_threads", "acp_thread_members",
					"acp_runs", "acp_invocations", "acp_events");
			assertStoreWorks(context);
		}
	}

	/**
	 * Creates a thread through the application's store and reads it back.
	 * @param context the application
	 */
	static void assertStoreWorks(ConfigurableApplicationContext context) {
		ThreadStore store = context.getBean(ThreadStore.class);
		assertThat(store).isInstanceOf(PostgresThreadStore.class);
		AcpThread created = store
			.createThread(NewThread.withTenant(TenantScope.PUBLIC), Identity.user("alice", "Alice"))
			.block(Duration.ofSeconds(30))
			.thread();
		assertThat(store.findThread(created.id()).block(Duration.ofSeconds(30))).isEqualTo(created);
	}

	private static void assertAnalysisOfMissingTables(CapturedOutput output) {
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database has no ACP tables acp_threads, acp_thread_members, acp_runs, acp_invocations,"
					+ " acp_events")
			.contains("set acp.store.initialize-schema=always")
			.contains("add classpath:META-INF/acp/schema to spring.flyway.locations");
	}

	private ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--spring.r2dbc.url=" + this.database.r2dbcUrl(),
				"--acp.cluster.transport=none", "--spring.main.banner-mode=off"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(PostgresApplication.class).web(WebApplicationType.NONE)
			.run(all.toArray(String[]::new));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PostgresApplication {

	}

}
