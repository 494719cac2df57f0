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

import java.util.Map;

import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.NoAssistantRuns;
import io.github.agentprotocols.acp.r2dbc.AcpSchemaCheck;
import io.github.agentprotocols.acp.r2dbc.AcpSchemaInitializer;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code acp.store.initialize-schema}: a {@link DatabaseInitializationMode},
 * {@code embedded} by default, with the boolean values of earlier versions still read.
 * The connection factory points at a port where nothing listens, so an initializer that
 * runs fails the start-up, and one that does not leaves it alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class AcpSchemaInitializationAutoConfigurationTests {

	private static final String DEPRECATED = "acp.store.initialize-schema=%s is deprecated and read as %s: set %s"
			+ " instead";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class))
		.withBean(AssistantRuns.class, NoAssistantRuns::new);

	/** PostgreSQL on a port where nothing listens. */
	private final ApplicationContextRunner unreachablePostgres = this.contextRunner.withBean(ConnectionFactory.class,
			() -> ConnectionFactories.get("r2dbc:postgresql://nobody:nothing@127.0.0.1:1/none"));

	@Test
	void embeddedByDefaultSoNothingIsAppliedToPostgres() {
		this.unreachablePostgres.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PostgresThreadStore.class);
			assertThat(mode(context)).isEqualTo(DatabaseInitializationMode.EMBEDDED);
			assertThat(context).hasSingleBean(AcpSchemaInitializer.class).hasSingleBean(AcpSchemaCheck.class);
		});
	}

	@Test
	void alwaysAppliesTheSchemaOnStartUp() {
		this.unreachablePostgres.withPropertyValues("acp.store.initialize-schema=always")
			.run(AcpSchemaInitializationAutoConfigurationTests::assertInitializerRan);
	}

	@Test
	void neverLeavesTheInitializerOut() {
		this.unreachablePostgres.withPropertyValues("acp.store.initialize-schema=never")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(AcpSchemaInitializer.class)
				.hasSingleBean(AcpSchemaCheck.class));
	}

	@Test
	void deprecatedTrueIsReadAsAlwaysWithAWarning(CapturedOutput output) {
		this.unreachablePostgres.withPropertyValues("acp.store.initialize-schema=true")
			.run(AcpSchemaInitializationAutoConfigurationTests::assertInitializerRan);
		this.contextRunner.withPropertyValues("acp.store.initialize-schema=true")
			.run((context) -> assertThat(mode(context)).isEqualTo(DatabaseInitializationMode.ALWAYS));
		assertThat(output).contains(DEPRECATED.formatted("true", "always", "always"));
	}

	@Test
	void deprecatedFalseIsReadAsNeverWithAWarning(CapturedOutput output) {
		this.unreachablePostgres.withPropertyValues("acp.store.initialize-schema=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(AcpSchemaInitializer.class);
			assertThat(mode(context)).isEqualTo(DatabaseInitializationMode.NEVER);
		});
		assertThat(output).contains(DEPRECATED.formatted("false", "never", "never"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(booleans = { true, false })
	void deprecatedBooleanOfYamlIsReadToo(boolean value) {
		this.unreachablePostgres
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("yaml", Map.of("acp.store.initialize-schema", value))))
			.run((context) -> {
				if (value) {
					assertInitializerRan(context);
				}
				else {
					assertThat(context).doesNotHaveBean(AcpSchemaInitializer.class);
					assertThat(mode(context)).isEqualTo(DatabaseInitializationMode.NEVER);
				}
			});
	}

	@Test
	void anyOtherValueFailsTheStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("acp.store.initialize-schema=sometimes")
			.run(AcpSchemaInitializationAutoConfigurationTests::assertBindingFailed);
		this.unreachablePostgres.withPropertyValues("acp.store.initialize-schema=sometimes")
			.run(AcpSchemaInitializationAutoConfigurationTests::assertBindingFailed);
	}

	private static DatabaseInitializationMode mode(AssertableApplicationContext context) {
		return context.getBean(AcpProperties.class).getStore().getInitializeSchema();
	}

	private static void assertBindingFailed(AssertableApplicationContext context) {
		assertThat(context).getFailure()
			.hasStackTraceContaining("Failed to bind properties under 'acp.store.initialize-schema' to "
					+ DatabaseInitializationMode.class.getName())
			.rootCause()
			.hasMessageContaining("sometimes");
	}

	private static void assertInitializerRan(AssertableApplicationContext context) {
		assertThat(context).getFailure()
			.isInstanceOf(BeanCreationException.class)
			.hasMessageContaining("'acpSchemaInitializer'");
	}

}
