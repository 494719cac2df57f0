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

import java.time.Duration;
import java.util.UUID;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.BackgroundWorkProbe;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.PassportReplayStore;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.autoconfigure.health.LimeHealthContributorAutoConfiguration;
import io.github.agentprotocols.lime.context.LimeEventDispatcherLifecycle;
import io.github.agentprotocols.lime.context.LocalLoginBroadcast;
import io.github.agentprotocols.lime.health.LimeHealthIndicator;
import io.github.agentprotocols.lime.memory.InMemoryPassportReplayStore;
import io.github.agentprotocols.lime.memory.InMemoryPendingLoginRequests;
import io.github.agentprotocols.lime.redis.LimeStreamLeadership;
import io.github.agentprotocols.lime.redis.RedisLimeEventLog;
import io.github.agentprotocols.lime.redis.RedisLoginBroadcast;
import io.github.agentprotocols.lime.redis.RedisPassportReplayStore;
import io.github.agentprotocols.lime.redis.RedisPendingLoginRequests;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.integration.redis.util.RedisLockRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Choosing how instances share the event stream with {@code lime.store.type}: a single
 * instance by default whatever the classpath, Redis on request, and a clear failure when
 * Redis is requested but missing.
 */
@ExtendWith(FakeLimeApiExtension.class)
@SpecItem("LIME-8.7")
@UsesRedis
class LimeRedisAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, DataRedisAutoConfiguration.class,
						DataRedisReactiveAutoConfiguration.class, LimeRedisAutoConfiguration.class,
						LimeAutoConfiguration.class, LimeHealthContributorAutoConfiguration.class))
		.withPropertyValues("lime.site.token=st_cluster", "lime.site.api-base=http://127.0.0.1:1/api/v1",
				RedisFixture.connectionProperty(), "lime.store.key-prefix=lime-test-" + UUID.randomUUID() + ":");

	@Test
	void singleInstanceIsTheDefaultEvenWithRedisAndSpringIntegrationOnTheClasspath() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(PassportReplayStore.class).isInstanceOf(InMemoryPassportReplayStore.class);
			assertThat(context).getBean(PendingLoginRequests.class).isInstanceOf(InMemoryPendingLoginRequests.class);
			assertThat(context).getBean(LimeLoginBroadcast.class).isInstanceOf(LocalLoginBroadcast.class);
			assertThat(context).hasSingleBean(LimeEventDispatcherLifecycle.class)
				.doesNotHaveBean(LimeStreamLease.class)
				.doesNotHaveBean(LimeEventLog.class)
				.doesNotHaveBean(RedisLockRegistry.class);
			assertThat(context.getBean(LimeEventDispatcher.class).isRunning()).isTrue();
		});
	}

	@Test
	void singleInstanceNeedsNeitherRedisNorSpringIntegration() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeRedisAutoConfiguration.class,
							LimeAutoConfiguration.class, LimeHealthContributorAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis",
					"org.springframework.integration", "io.lettuce"))
			.withPropertyValues("lime.site.token=st_single", "lime.site.api-base=http://127.0.0.1:1/api/v1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(InMemoryPassportReplayStore.class)
					.hasSingleBean(InMemoryPendingLoginRequests.class)
					.hasSingleBean(LimeEventDispatcherLifecycle.class)
					.doesNotHaveBean(LimeStreamLease.class);
			});
	}

	@Test
	void redisModeSharesTheStoresAndReadsTheStreamUnderTheLease(FakeLimeApi fake) {
		this.runner
			.withPropertyValues("lime.store.type=redis", "lime.site.api-base=" + fake.baseUrl(),
					"lime.site.token=" + fake.siteToken())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(PassportReplayStore.class).isInstanceOf(RedisPassportReplayStore.class);
				assertThat(context).getBean(PendingLoginRequests.class).isInstanceOf(RedisPendingLoginRequests.class);
				assertThat(context).getBean(LimeEventLog.class).isInstanceOf(RedisLimeEventLog.class);
				assertThat(context).getBean(LimeLoginBroadcast.class).isInstanceOf(RedisLoginBroadcast.class);
				assertThat(context).getBean(LimeStreamLease.class).isInstanceOf(LimeStreamLeadership.class);
				assertThat(context).hasSingleBean(RedisLockRegistry.class)
					.doesNotHaveBean(LimeEventDispatcherLifecycle.class);
				LimeStreamLease lease = context.getBean(LimeStreamLease.class);
				LimeEventDispatcher dispatcher = context.getBean(LimeEventDispatcher.class);
				await().atMost(WAIT).until(() -> lease.isHeld() && dispatcher.getState().status() == Status.CONNECTED);
				assertThat(context.getBean(LimeHealthIndicator.class).health(true).block().getDetails())
					.containsEntry("role", "leader");
			});
	}

	@Test
	void applicationBeansWinOverTheRedisOnes() {
		PassportReplayStore own = (key, until) -> true;
		this.runner.withPropertyValues("lime.store.type=redis")
			.withBean(PassportReplayStore.class, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PassportReplayStore.class)).isSameAs(own);
				assertThat(context).hasSingleBean(LimeStreamLeadership.class);
			});
	}

	@Test
	void leavesNothingRunningWhenClosedInRedisMode() throws InterruptedException {
		try (BackgroundWorkProbe probe = BackgroundWorkProbe.start()) {
			this.runner.withInitializer(probe.initializer())
				.withPropertyValues("lime.store.type=redis")
				.run((context) -> await().atMost(WAIT).until(() -> context.getBean(LimeStreamLease.class).isHeld()));
			probe.assertNothingLeft(Duration.ofSeconds(2));
		}
	}

	@Test
	void disabledStarterIgnoresTheClusterMode() {
		this.runner.withPropertyValues("lime.enabled=false", "lime.store.type=redis").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LimeStreamLease.class).doesNotHaveBean(PassportReplayStore.class);
		});
	}

	@Test
	void redisModeWithoutSpringIntegrationFailsWithAnExplanation() {
		this.runner.withPropertyValues("lime.store.type=redis")
			.withClassLoader(new FilteredClassLoader("org.springframework.integration"))
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("lime.store.type").contains("Spring Integration Redis");
				assertThat(analysis.getAction()).contains("org.springframework.integration:spring-integration-redis")
					.contains("lime.store.type");
			});
	}

	@Test
	void redisModeWithoutSpringDataRedisFailsWithAnExplanation() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class,
					LimeRedisAutoConfiguration.class, LimeAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ReactiveRedisConnectionFactory.class))
			.withPropertyValues("lime.site.token=st_cluster", "lime.store.type=redis")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Spring Data Redis reactive is not on the classpath");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis-reactive");
			});
	}

	@Test
	void redisModeWithoutAConnectionFactoryFailsWithAnExplanation() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class,
					LimeRedisAutoConfiguration.class, LimeAutoConfiguration.class))
			.withPropertyValues("lime.site.token=st_cluster", "lime.store.type=redis")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("no Redis connection factory");
				assertThat(analysis.getAction()).contains("spring.data.redis.url");
			});
	}

	@Test
	void keyPrefixWithAHashTagFailsNamingTheProperty() {
		this.runner.withPropertyValues("lime.store.type=redis", "lime.store.key-prefix={site}:")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("lime.store.key-prefix")
				.hasMessageContaining("hash tag"));
	}

	@Test
	void redisModeWithoutItsPiecesFailsWithALimeException() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class,
					LimeRedisAutoConfiguration.class, LimeAutoConfiguration.class))
			.withPropertyValues("lime.site.token=st_cluster", "lime.store.type=redis")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(LimeClusterUnavailableException.class)
				.isInstanceOf(LimeException.class));
	}

	private static FailureAnalysis analysis(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new LimeClusterUnavailableFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
