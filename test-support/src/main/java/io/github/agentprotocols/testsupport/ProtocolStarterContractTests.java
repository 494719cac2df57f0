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

import java.time.Duration;
import java.util.Locale;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every protocol starter keeps: it loads with default properties, registers
 * its {@link AgentProtocol} and health contributor, and backs off entirely when
 * {@code <prefix>.enabled=false}; a starter whose health contributor has its own
 * auto-configuration also drops the contributor with
 * {@code management.health.<name>.enabled=false} or without Spring Boot's health API.
 * Closing its context leaves nothing of it running. A starter's test extends this class
 * and says which auto-configurations, properties type and names are its own.
 */
public abstract class ProtocolStarterContractTests {

	/**
	 * The starter's auto-configuration class.
	 * @return the class
	 */
	protected abstract Class<?> autoConfiguration();

	/**
	 * The auto-configuration of the starter's health contributor.
	 * @return the class, or null while the main auto-configuration declares the
	 * contributor itself
	 */
	protected @Nullable Class<?> healthContributorAutoConfiguration() {
		return null;
	}

	/**
	 * The starter's {@code @ConfigurationProperties} type.
	 * @return the type
	 */
	protected abstract Class<?> propertiesType();

	/**
	 * The protocol as the starter registers it.
	 * @return the expected protocol description
	 */
	protected abstract AgentProtocol expectedProtocol();

	/**
	 * Properties a starter needs before it can load; none by default.
	 * @return {@code key=value} pairs
	 */
	protected String[] requiredProperties() {
		return new String[0];
	}

	/**
	 * Return the context runner the contract tests use, with the starter's
	 * auto-configuration and its required properties.
	 * @return the context runner
	 */
	protected ApplicationContextRunner contextRunner() {
		Class<?> health = healthContributorAutoConfiguration();
		AutoConfigurations starter = (health != null) ? AutoConfigurations.of(autoConfiguration(), health)
				: AutoConfigurations.of(autoConfiguration());
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class))
			.withConfiguration(starter)
			.withPropertyValues(requiredProperties());
	}

	@Test
	void loadsWithDefaults() {
		contextRunner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(propertiesType());
			assertThat(context.getBean(AgentProtocol.class)).isEqualTo(expectedProtocol());
		});
	}

	@Test
	void registersHealthContributorNamedAfterProtocol() {
		contextRunner().run((context) -> assertThat(context).getBean(healthIndicatorName())
			.isInstanceOfAny(HealthContributor.class, ReactiveHealthContributor.class));
	}

	@Test
	void backsOffWhenDisabled() {
		contextRunner().withPropertyValues(expectedProtocol().propertyPrefix() + ".enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(propertiesType());
			assertThat(context).doesNotHaveBean(AgentProtocol.class);
			assertThat(context).doesNotHaveBean(healthIndicatorName());
		});
	}

	@Test
	void healthIndicatorBacksOffWhenDisabled() {
		assumeTrue(healthContributorAutoConfiguration() != null, "health contributor has no auto-configuration");
		contextRunner()
			.withPropertyValues(
					"management.health." + expectedProtocol().name().toLowerCase(Locale.ROOT) + ".enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(healthIndicatorName());
				assertThat(context).hasSingleBean(AgentProtocol.class);
			});
	}

	@Test
	void healthIndicatorBacksOffWithoutTheHealthApi() {
		assumeTrue(healthContributorAutoConfiguration() != null, "health contributor has no auto-configuration");
		contextRunner().withClassLoader(new FilteredClassLoader(HealthIndicator.class, ReactiveHealthIndicator.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(healthIndicatorName());
				assertThat(context).hasSingleBean(AgentProtocol.class);
			});
	}

	@Test
	void leavesNothingRunningWhenClosed() throws InterruptedException {
		try (BackgroundWorkProbe probe = BackgroundWorkProbe.start()) {
			contextRunner().withInitializer(probe.initializer()).run((context) -> assertThat(context).hasNotFailed());
			probe.assertNothingLeft(Duration.ofMillis(500));
		}
	}

	private String healthIndicatorName() {
		return expectedProtocol().name() + "HealthIndicator";
	}

}
