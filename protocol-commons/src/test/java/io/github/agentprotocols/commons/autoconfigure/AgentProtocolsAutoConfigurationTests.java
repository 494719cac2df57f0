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

package io.github.agentprotocols.commons.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.agentprotocols.commons.redis.RedisClusterNodeFilter;
import io.github.agentprotocols.commons.redis.RedisClusterTopologyWatch;
import io.github.agentprotocols.commons.web.ClosedConnectionWebFilter;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock the protocol starters share, and the filter that ends a request's handling
 * when its connection closes, in reactive web applications only; with Lettuce, the pieces
 * that keep a Redis Cluster client off crashed nodes.
 */
class AgentProtocolsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class));

	@Test
	void clockIsTheSystemClockInUtc() {
		this.runner.run((context) -> assertThat(context).getBean(Clock.class).isEqualTo(Clock.systemUTC()));
	}

	@Test
	void applicationClockReplacesIt() {
		Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
		this.runner.withBean(Clock.class, () -> fixed)
			.run((context) -> assertThat(context).hasSingleBean(Clock.class).getBean(Clock.class).isSameAs(fixed));
	}

	@Test
	void reactiveWebApplicationGetsTheClosedConnectionFilter() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ClosedConnectionWebFilter.class));
	}

	@Test
	void otherApplicationsDoNotGetTheClosedConnectionFilter() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ClosedConnectionWebFilter.class));
	}

	@Test
	void lettuceApplicationGetsTheRedisClusterNodeFilterAndTopologyWatch() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(RedisClusterNodeFilter.class)
			.hasSingleBean(RedisClusterTopologyWatch.class));
	}

	@Test
	void applicationTopologyWatchReplacesIt() {
		RedisClusterTopologyWatch own = new RedisClusterTopologyWatch(() -> null);
		this.runner.withBean(RedisClusterTopologyWatch.class, () -> own)
			.run((context) -> assertThat(context).getBean(RedisClusterTopologyWatch.class).isSameAs(own));
	}

	@Test
	void withoutLettuceNoRedisClusterPieces() {
		this.runner.withClassLoader(new FilteredClassLoader(RedisClusterClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RedisClusterNodeFilter.class)
				.doesNotHaveBean(RedisClusterTopologyWatch.class));
	}

}
