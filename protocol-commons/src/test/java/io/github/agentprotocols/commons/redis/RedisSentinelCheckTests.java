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

package io.github.agentprotocols.commons.redis;

import java.util.List;
import java.util.Properties;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.data.redis.connection.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A Redis Sentinel setup that cannot give the application its master fails the start-up,
 * reported as the property to fix: no sentinel answering names the nodes, none monitoring
 * the master names the master; without Sentinel nothing is asked.
 */
class RedisSentinelCheckTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.sentinel.nodes=s1:26379,s2:26379");

	@Test
	void aMonitoredMasterLetsTheStartUpGoOn() {
		RedisConnectionFactory factory = monitoring("mymaster");
		this.runner.withBean(RedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.sentinel.master=mymaster")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				verify(factory).getSentinelConnection();
			});
	}

	@Test
	void noSentinelAnsweringFailsTheStartUpNamingTheNodes() {
		RedisConnectionFactory factory = mock(RedisConnectionFactory.class);
		given(factory.getSentinelConnection())
			.willThrow(new RedisConnectionFailureException("Cannot connect to a Redis Sentinel"));
		this.runner.withBean(RedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.sentinel.master=mymaster")
			.run((context) -> {
				RedisSentinelException failure = (RedisSentinelException) context.getStartupFailure();
				assertThat(failure.getProperty()).isEqualTo("spring.data.redis.sentinel.nodes");
				FailureAnalysis analysis = new RedisSentinelFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription())
					.isEqualTo("No sentinel at s1:26379,s2:26379 answered: Cannot connect to a Redis Sentinel");
				assertThat(analysis.getAction()).contains("'spring.data.redis.sentinel.nodes'").contains("26379");
			});
	}

	@Test
	void aMasterNoSentinelMonitorsFailsTheStartUpNamingTheMaster() {
		RedisConnectionFactory factory = monitoring("other");
		this.runner.withBean(RedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.sentinel.master=mymaster")
			.run((context) -> {
				RedisSentinelException failure = (RedisSentinelException) context.getStartupFailure();
				assertThat(failure.getProperty()).isEqualTo("spring.data.redis.sentinel.master");
				FailureAnalysis analysis = new RedisSentinelFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).isEqualTo(
						"The sentinels at s1:26379,s2:26379 monitor no master named 'mymaster' (they monitor other)");
				assertThat(analysis.getAction()).contains("'spring.data.redis.sentinel.master'");
			});
	}

	@Test
	void withoutSentinelNothingIsAsked() {
		RedisConnectionFactory factory = mock(RedisConnectionFactory.class);
		this.runner.withBean(RedisConnectionFactory.class, () -> factory).run((context) -> {
			assertThat(context).hasNotFailed();
			verify(factory, never()).getSentinelConnection();
		});
	}

	private static RedisConnectionFactory monitoring(String master) {
		RedisSentinelConnection sentinel = mock(RedisSentinelConnection.class);
		Properties properties = new Properties();
		properties.setProperty("name", master);
		given(sentinel.masters()).willReturn(List.of(RedisServer.newServerFrom(properties)));
		RedisConnectionFactory factory = mock(RedisConnectionFactory.class);
		given(factory.getSentinelConnection()).willReturn(sentinel);
		return factory;
	}

}
