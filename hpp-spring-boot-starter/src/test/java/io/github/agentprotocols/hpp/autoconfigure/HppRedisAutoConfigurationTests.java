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

import java.util.UUID;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.autoconfigure.health.HppHealthContributorAutoConfiguration;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.hpp.redis.RedisClientThrottle;
import io.github.agentprotocols.hpp.redis.RedisPacedDelivery;
import io.github.agentprotocols.hpp.redis.RedisSessionBroadcast;
import io.github.agentprotocols.hpp.redis.RedisSessionStore;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalClientThrottle;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing the store with {@code hpp.store.type}, and what happens when Redis is chosen
 * but missing or unreachable.
 */
@UsesRedis
class HppRedisAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			AgentProtocolsAutoConfiguration.class, DataRedisAutoConfiguration.class,
			DataRedisReactiveAutoConfiguration.class, HppRedisAutoConfiguration.class, HppAutoConfiguration.class,
			HppHealthContributorAutoConfiguration.class);

	private static final String KEY_PREFIX = "hpp.store.key-prefix=hpp-test-" + UUID.randomUUID() + ":";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
		.withPropertyValues(RedisFixture.connectionProperty(), KEY_PREFIX);

	@Test
	void memoryIsTheDefaultEvenWithRedisOnTheClasspath() {
		this.runner.run((context) -> {
			assertThat(context).getBean(SessionStore.class).isInstanceOf(InMemorySessionStore.class);
			assertThat(context).getBean(SessionBroadcast.class).isInstanceOf(LocalSessionBroadcast.class);
			assertThat(context).getBean(PacedDelivery.class).isInstanceOf(LocalPacedDelivery.class);
		});
	}

	@Test
	void redisStoreSharesSessionsEventsAndPacing() {
		this.runner.withPropertyValues("hpp.store.type=redis").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(SessionStore.class).isInstanceOf(RedisSessionStore.class);
			assertThat(context).getBean(SessionBroadcast.class).isInstanceOf(RedisSessionBroadcast.class);
			assertThat(context).getBean(PacedDelivery.class).isInstanceOf(RedisPacedDelivery.class);
		});
	}

	@Test
	void throttlesCountInRedisInRedisModeAndInMemoryOtherwise() {
		ReactiveWebApplicationContextRunner web = new ReactiveWebApplicationContextRunner()
			.withConfiguration(CONFIGURATIONS)
			.withPropertyValues(RedisFixture.connectionProperty(), KEY_PREFIX);
		String[] throttles = { HppAutoConfiguration.FAILED_TOKEN_THROTTLE,
				HppAutoConfiguration.ANONYMOUS_SESSION_THROTTLE };
		web.run((context) -> {
			for (String throttle : throttles) {
				assertThat(context).getBean(throttle, ClientThrottle.class).isInstanceOf(LocalClientThrottle.class);
			}
		});
		web.withPropertyValues("hpp.store.type=redis").run((context) -> {
			for (String throttle : throttles) {
				assertThat(context).getBean(throttle, ClientThrottle.class).isInstanceOf(RedisClientThrottle.class);
				assertThat(context.getBean(throttle, RedisClientThrottle.class).isRunning()).isTrue();
			}
		});
	}

	@Test
	void healthReportsTheRedisStore() {
		this.runner.withPropertyValues("hpp.store.type=redis").run((context) -> {
			Health health = context.getBean("hppHealthIndicator", ReactiveHealthIndicator.class).health().block();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("store", "redis").containsEntry("sessions", 0L);
		});
	}

	@Test
	void healthIsDownWhenRedisIsUnreachable() {
		this.runner.withPropertyValues("hpp.store.type=redis", unreachable(), "spring.data.redis.connect-timeout=1s")
			.run((context) -> {
				Health health = context.getBean("hppHealthIndicator", ReactiveHealthIndicator.class).health().block();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("store", "redis").containsKey("error");
			});
	}

	/** A Redis of this run's topology that nothing listens to. */
	private static String unreachable() {
		return (RedisFixture.topology() == RedisTopology.CLUSTER) ? "spring.data.redis.cluster.nodes=127.0.0.1:1"
				: "spring.data.redis.url=redis://127.0.0.1:1";
	}

	@Test
	void applicationBeansWinOverTheRedisOnes() {
		this.runner.withPropertyValues("hpp.store.type=redis").withUserConfiguration(OwnStore.class).run((context) -> {
			assertThat(context).getBean(SessionStore.class).isSameAs(context.getBean(OwnStore.class).store);
			assertThat(context).getBean(SessionBroadcast.class).isInstanceOf(RedisSessionBroadcast.class);
		});
	}

	@Test
	void disabledStarterIgnoresTheStoreSetting() {
		this.runner.withPropertyValues("hpp.store.type=redis", "hpp.enabled=false")
			.withClassLoader(new FilteredClassLoader(ReactiveRedisConnectionFactory.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SessionStore.class);
			});
	}

	@Test
	void redisWithoutSpringDataRedisFailsWithAnExplanation() {
		this.runner.withPropertyValues("hpp.store.type=redis")
			.withClassLoader(new FilteredClassLoader(ReactiveRedisConnectionFactory.class))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new HppRedisUnavailableFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("hpp.store.type").contains("not on the classpath");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis-reactive")
					.contains("hpp.store.type=memory");
			});
	}

	@Test
	void aTimeoutThatIsNotPositiveFailsTheStartUpNamingItsProperty() {
		this.runner.withPropertyValues("hpp.store.type=redis", "hpp.store.timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("hpp.store.timeout").contains("must be positive");
		});
	}

	@Test
	void redisWithoutAConnectionFactoryFailsWithAnExplanation() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class,
					HppRedisAutoConfiguration.class, HppAutoConfiguration.class))
			.withPropertyValues("hpp.store.type=redis")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new HppRedisUnavailableFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("no ReactiveRedisConnectionFactory");
				assertThat(analysis.getAction()).contains("spring.data.redis.url");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		final InMemorySessionStore store = new InMemorySessionStore(5, 0, java.time.Clock.systemUTC());

		@Bean
		SessionStore ownStore() {
			return this.store;
		}

	}

}
