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

package io.github.agentprotocols.lime.autoconfigure.health;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.autoconfigure.LimeAutoConfiguration;
import io.github.agentprotocols.lime.health.LimeHealthIndicator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code lime} health contributor is registered.
 */
class LimeHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class,
				LimeHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class))
		.withPropertyValues("lime.site.token=st_test", "lime.site.api-base=http://127.0.0.1:1/api/v1/");

	@Test
	void runShouldCreateTheLimeIndicator() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LimeHealthIndicator.class).hasBean("limeHealthIndicator");
			Health health = context.getBean(LimeHealthIndicator.class).health().block();
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("apiBase", "http://127.0.0.1:1/api/v1");
		});
	}

	@Test
	void runWhenDisabledShouldNotCreateIndicator() {
		this.runner.withPropertyValues("management.health.lime.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LimeHealthIndicator.class)
				.doesNotHaveBean("limeHealthIndicator"));
	}

	@Test
	void runWhenDefaultIndicatorsAreDisabledShouldNotCreateIndicator() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LimeHealthIndicator.class));
	}

	@Test
	void runWhenDefaultIndicatorsAreDisabledButLimeIsEnabledShouldCreateIndicator() {
		this.runner
			.withPropertyValues("management.health.defaults.enabled=false", "management.health.lime.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(LimeHealthIndicator.class));
	}

	@Test
	void runWhenStarterIsDisabledShouldNotCreateIndicator() {
		this.runner.withPropertyValues("lime.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("limeHealthIndicator"));
	}

	@Test
	void runWithApplicationIndicatorNamedLimeShouldBackOff() {
		ReactiveHealthIndicator own = () -> Mono.just(Health.outOfService().build());
		this.runner.withBean("limeHealthIndicator", ReactiveHealthIndicator.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(LimeHealthIndicator.class)
				.getBean("limeHealthIndicator")
				.isSameAs(own));
	}

}
