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

import java.net.ConnectException;

import javax.net.ssl.SSLHandshakeException;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A Redis reached over TLS whose handshake fails fails the start-up, reported as the SSL
 * bundle to fix; an outage does not, and without TLS nothing is sent.
 */
class RedisTlsCheckTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class));

	@Test
	void failedHandshakeFailsTheStartUpNamingTheBundleProperty() {
		ReactiveRedisConnectionFactory factory = failing(new SSLHandshakeException("PKIX path building failed"));
		this.runner.withBean(ReactiveRedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.url=rediss://user:secret@redis.example:6380")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SSLHandshakeException.class);
				RedisTlsException failure = (RedisTlsException) context.getStartupFailure();
				assertThat(failure.getTarget()).isEqualTo("rediss://redis.example:6380");
				FailureAnalysis analysis = new RedisTlsFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).isEqualTo(
						"The TLS handshake with Redis at rediss://redis.example:6380 failed: PKIX path building failed");
				assertThat(analysis.getAction()).contains("'spring.data.redis.ssl.bundle'")
					.contains("trust store")
					.contains("subject alternative name")
					.contains("key store");
			});
	}

	@Test
	void sslEnabledWithHostAndPortIsCheckedToo() {
		ReactiveRedisConnectionFactory factory = failing(new SSLHandshakeException("Received fatal alert"));
		this.runner.withBean(ReactiveRedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.ssl.enabled=true", "spring.data.redis.host=redis.example")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(RedisTlsException.class)
				.hasMessageContaining("redis.example:6379"));
	}

	@Test
	void clusterNodesAreNamedAsTheTarget() {
		ReactiveRedisConnectionFactory factory = failing(new SSLHandshakeException("Received fatal alert"));
		this.runner.withBean(ReactiveRedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.ssl.enabled=true", "spring.data.redis.cluster.nodes=a:7000,b:7000")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(RedisTlsException.class)
				.hasMessageContaining("Redis at a:7000,b:7000 (spring.data.redis.cluster.nodes) failed"));
	}

	@Test
	void bundleAloneTurnsTlsOnAsForSpringBoot() {
		ReactiveRedisConnectionFactory factory = failing(new SSLHandshakeException("Received fatal alert"));
		this.runner.withBean(ReactiveRedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.ssl.bundle=redis")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(RedisTlsException.class));
		this.runner.withBean(ReactiveRedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.ssl.bundle=redis", "spring.data.redis.ssl.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void outageAtStartUpIsNoFailure() {
		ReactiveRedisConnectionFactory factory = failing(new ConnectException("Connection refused"));
		this.runner.withBean(ReactiveRedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.url=rediss://redis.example:6380")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				verify(factory).getReactiveConnection();
			});
	}

	@Test
	void withoutTlsNothingIsSentAtStartUp() {
		ReactiveRedisConnectionFactory factory = failing(new SSLHandshakeException("unexpected"));
		this.runner.withBean(ReactiveRedisConnectionFactory.class, () -> factory)
			.withPropertyValues("spring.data.redis.url=redis://redis.example:6379")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				verify(factory, never()).getReactiveConnection();
			});
	}

	private static ReactiveRedisConnectionFactory failing(Exception cause) {
		ReactiveRedisConnection connection = mock(ReactiveRedisConnection.class);
		given(connection.ping())
			.willReturn(Mono.error(new RedisConnectionFailureException("Unable to connect to Redis", cause)));
		ReactiveRedisConnectionFactory factory = mock(ReactiveRedisConnectionFactory.class);
		given(factory.getReactiveConnection()).willReturn(connection);
		return factory;
	}

}
