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

package io.github.agentprotocols.lime.autoconfigure;

import java.util.Set;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.autoconfigure.health.LimeHealthContributorAutoConfiguration;
import io.github.agentprotocols.lime.autoconfigure.metrics.LimeMetricsAutoConfiguration;
import io.github.agentprotocols.testsupport.AotProcessing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's AOT processing of the starter's auto-configurations, single-instance and
 * clustered on Redis, generates bean definitions for them. LIME reads and writes JSON as
 * Jackson trees and maps, so a native image needs no reflection of it; on Redis it
 * registers its Lua scripts as resources.
 */
class LimeAotProcessingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("management.metrics.use-global-registry=false", "lime.site.token=st_aot",
				"lime.site.api-base=http://127.0.0.1:1/api/v1")
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class,
				LimeRedisAutoConfiguration.class, LimeMetricsAutoConfiguration.class,
				LimeHealthContributorAutoConfiguration.class, MetricsAutoConfiguration.class,
				DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void aotProcessingOfASingleInstanceGeneratesTheStarterBeans() {
		assertThat(processAheadOfTime()).anyMatch((name) -> name.contains("LimeAutoConfiguration__"))
			.anyMatch((name) -> name.contains("LimeMetricsAutoConfiguration"))
			.anyMatch((name) -> name.contains("LimeHealthContributorAutoConfiguration"));
	}

	@Test
	void aotProcessingOfTheRedisClusterGeneratesTheStarterBeans() {
		assertThat(processAheadOfTime("lime.store.type=redis", "spring.data.redis.url=redis://127.0.0.1:6379"))
			.anyMatch((name) -> name.contains("LimeRedisAutoConfiguration"));
	}

	@Test
	void aotProcessingOfTheRedisClusterRegistersItsLuaScripts() {
		RuntimeHints hints = AotProcessing
			.of(this.contextRunner.withPropertyValues("lime.store.type=redis",
					"spring.data.redis.url=redis://127.0.0.1:6379"))
			.hints();
		for (String script : new String[] { "add-pending-request.lua", "pending-requests.lua" }) {
			assertThat(RuntimeHintsPredicates.resource().forResource("io/github/agentprotocols/lime/redis/" + script))
				.as(script)
				.accepts(hints);
		}
	}

	private Set<String> processAheadOfTime(String... properties) {
		return AotProcessing.of(this.contextRunner.withPropertyValues(properties)).generatedSources();
	}

}
