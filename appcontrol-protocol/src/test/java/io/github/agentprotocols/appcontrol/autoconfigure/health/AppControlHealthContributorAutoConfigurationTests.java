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

package io.github.agentprotocols.appcontrol.autoconfigure.health;

import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.health.AppControlHealthIndicator;
import io.github.agentprotocols.commons.AgentProtocol;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AppControlHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AppControlAutoConfiguration.class, AppControlHealthContributorAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class));

	@Test
	void runShouldCreateReactiveIndicatorNamedAfterTheProtocol() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AppControlHealthIndicator.class).hasBean("appControlHealthIndicator");
			String protocol = context.getBean(AgentProtocol.class).name();
			assertThat(protocol).isEqualTo("appControl");
			assertThat(context.getBean(ReactiveHealthContributorRegistry.class).getContributor(protocol))
				.isInstanceOf(AppControlHealthIndicator.class);
		});
	}

	@Test
	void runWhenHealthIndicatorDisabledShouldNotCreateIndicator() {
		this.contextRunner.withPropertyValues("management.health.appcontrol.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(AppControlHealthIndicator.class)
				.doesNotHaveBean("appControlHealthIndicator"));
	}

	@Test
	void runWhenAppControlDisabledShouldNotCreateIndicator() {
		this.contextRunner.withPropertyValues("app-control.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AppControlHealthIndicator.class));
	}

	@Test
	void runWithoutTheHealthApiShouldNotCreateIndicator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AppControlHealthIndicator.class));
	}

	@Test
	void runWithAnIndicatorOfTheSameNameShouldKeepIt() {
		ReactiveHealthIndicator own = () -> Mono.just(Health.up().build());
		this.contextRunner.withBean("appControlHealthIndicator", ReactiveHealthIndicator.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(AppControlHealthIndicator.class)
				.getBean("appControlHealthIndicator")
				.isSameAs(own));
	}

}
