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

package io.github.agentprotocols.hpp.autoconfigure;

import java.util.Set;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.hpp.autoconfigure.health.HppHealthContributorAutoConfiguration;
import io.github.agentprotocols.hpp.autoconfigure.metrics.HppMetricsAutoConfiguration;
import io.github.agentprotocols.testsupport.AotProcessing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's AOT processing of the starter's auto-configurations, with the in-memory and
 * the Redis store, generates bean definitions for them. HPP reads and writes JSON as
 * Jackson trees, so a native image needs no reflection of it; the Redis store registers
 * its Lua scripts as resources, the web routes the browser client.
 */
class HppAotProcessingTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withPropertyValues("management.metrics.use-global-registry=false")
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HppAutoConfiguration.class,
				HppRedisAutoConfiguration.class, HppMetricsAutoConfiguration.class,
				HppHealthContributorAutoConfiguration.class, MetricsAutoConfiguration.class,
				DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void aotProcessingOfTheMemoryStoreGeneratesTheStarterBeans() {
		assertThat(processAheadOfTime("hpp.store.type=memory"))
			.anyMatch((name) -> name.contains("HppAutoConfiguration"))
			.anyMatch((name) -> name.contains("HppMetricsAutoConfiguration"))
			.anyMatch((name) -> name.contains("HppHealthContributorAutoConfiguration"));
	}

	@Test
	void aotProcessingOfTheRedisStoreGeneratesTheStarterBeans() {
		assertThat(processAheadOfTime("hpp.store.type=redis", "spring.data.redis.url=redis://127.0.0.1:6379"))
			.anyMatch((name) -> name.contains("HppRedisAutoConfiguration"));
	}

	@Test
	void aotProcessingOfTheRedisStoreRegistersItsLuaScripts() {
		RuntimeHints hints = AotProcessing
			.of(this.contextRunner.withPropertyValues("hpp.store.type=redis",
					"spring.data.redis.url=redis://127.0.0.1:6379"))
			.hints();
		for (String script : new String[] { "older.lua", "session-admit.lua", "delivery-fill.lua",
				"broadcast-join.lua" }) {
			assertThat(RuntimeHintsPredicates.resource().forResource("io/github/agentprotocols/hpp/redis/" + script))
				.as(script)
				.accepts(hints);
		}
	}

	@Test
	void aotProcessingRegistersTheBrowserClient() {
		RuntimeHints hints = AotProcessing.of(this.contextRunner).hints();
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/agentprotocols/hpp/web/hpp-client.js"))
			.accepts(hints);
	}

	private Set<String> processAheadOfTime(String... properties) {
		return AotProcessing.of(this.contextRunner.withPropertyValues(properties)).generatedSources();
	}

}
