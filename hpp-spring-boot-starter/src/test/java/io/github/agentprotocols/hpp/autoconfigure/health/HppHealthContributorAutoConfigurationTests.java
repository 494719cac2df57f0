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

package io.github.agentprotocols.hpp.autoconfigure.health;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.hpp.health.HppHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code hpp} health contributor is registered.
 */
class HppHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HppAutoConfiguration.class,
				HppHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class));

	@Test
	void runShouldCreateTheHppIndicator() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(HppHealthIndicator.class).hasBean("hppHealthIndicator");
			Health health = context.getBean(HppHealthIndicator.class).health().block();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("store", "memory").containsEntry("sessions", 0L);
		});
	}

	@Test
	void runWhenDisabledShouldNotCreateIndicator() {
		this.runner.withPropertyValues("management.health.hpp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HppHealthIndicator.class)
				.doesNotHaveBean("hppHealthIndicator"));
	}

	@Test
	void runWhenDefaultIndicatorsAreDisabledShouldNotCreateIndicator() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HppHealthIndicator.class));
	}

	@Test
	void runWhenDefaultIndicatorsAreDisabledButHppIsEnabledShouldCreateIndicator() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.hpp.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(HppHealthIndicator.class));
	}

	@Test
	void runWhenStarterIsDisabledShouldNotCreateIndicator() {
		this.runner.withPropertyValues("hpp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hppHealthIndicator"));
	}

	@Test
	void runWithApplicationIndicatorNamedHppShouldBackOff() {
		ReactiveHealthIndicator own = () -> reactor.core.publisher.Mono.just(Health.outOfService().build());
		this.runner.withBean("hppHealthIndicator", ReactiveHealthIndicator.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(HppHealthIndicator.class)
				.getBean("hppHealthIndicator")
				.isSameAs(own));
	}

}
