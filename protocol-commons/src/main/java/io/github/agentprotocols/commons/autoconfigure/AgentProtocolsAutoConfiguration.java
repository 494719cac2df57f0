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
import java.time.Duration;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.availability.ReadinessCheck;
import io.github.agentprotocols.commons.availability.ReadinessChecks;
import io.github.agentprotocols.commons.redis.RedisClusterNodeFilter;
import io.github.agentprotocols.commons.redis.RedisClusterTopologyWatch;
import io.github.agentprotocols.commons.redis.RedisSentinelCheck;
import io.github.agentprotocols.commons.redis.RedisTlsCheck;
import io.github.agentprotocols.commons.web.ClosedConnectionWebFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration shared by every protocol starter: the {@link Clock} the starters
 * tell time with, and the {@code agentProtocols} health group and info entry, built from
 * the {@link AgentProtocol} beans the starters register; with Redis on the class path,
 * the start-up checks of a Redis reached over TLS ({@link RedisTlsCheck}) and of a Redis
 * Sentinel setup ({@link RedisSentinelCheck}); with Lettuce, on a Redis Cluster, the
 * client kept off crashed nodes ({@link RedisClusterNodeFilter},
 * {@link RedisClusterTopologyWatch}); in a reactive web application on Reactor Netty, the
 * end of a request's handling when its connection closes
 * ({@link ClosedConnectionWebFilter}).
 */
@AutoConfiguration
public final class AgentProtocolsAutoConfiguration {

	/**
	 * The clock of every protocol starter (session expiry, rate windows), unless the
	 * application has a {@link Clock} bean of its own, which tests can use to run expiry
	 * in simulated time.
	 * @return the system clock in UTC
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock agentProtocolsClock() {
		return Clock.systemUTC();
	}

	/**
	 * The starters' readiness checks turned into Spring Boot's readiness state, read
	 * every second.
	 * @param checks the starters' checks
	 * @param publisher where availability events go
	 * @return the publisher of their verdict
	 */
	@Bean
	@ConditionalOnMissingBean
	ReadinessChecks agentProtocolsReadinessChecks(ObjectProvider<ReadinessCheck> checks,
			ApplicationEventPublisher publisher) {
		return new ReadinessChecks(checks.orderedStream().toList(), publisher, Duration.ofSeconds(1));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory")
	static class RedisChecksConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisTlsCheck agentProtocolsRedisTlsCheck(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				Environment environment) {
			return new RedisTlsCheck(connectionFactory, environment);
		}

		@Bean
		@ConditionalOnMissingBean
		RedisSentinelCheck agentProtocolsRedisSentinelCheck(ObjectProvider<RedisConnectionFactory> connectionFactory,
				Environment environment) {
			return new RedisSentinelCheck(connectionFactory, environment);
		}

	}

	/**
	 * On a Redis Cluster reached through Lettuce, the application's client keeps off the
	 * nodes that crashed: the node filter and the refreshes that bring their failure to
	 * it. Each bean can be replaced by one of the same type.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { "org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer",
					"io.lettuce.core.cluster.RedisClusterClient",
					"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory" })
	static class RedisClusterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisClusterNodeFilter agentProtocolsRedisClusterNodeFilter() {
			return new RedisClusterNodeFilter();
		}

		@Bean
		@ConditionalOnMissingBean
		RedisClusterTopologyWatch agentProtocolsRedisClusterTopologyWatch(
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			return new RedisClusterTopologyWatch(connectionFactory::getIfUnique);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "reactor.netty.http.server.HttpServerRequest")
	static class ReactorNettyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClosedConnectionWebFilter agentProtocolsClosedConnectionWebFilter() {
			return new ClosedConnectionWebFilter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	static class HealthGroupConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AgentProtocolsHealthEndpointGroupsPostProcessor agentProtocolsHealthEndpointGroupsPostProcessor(
				ObjectProvider<AgentProtocol> protocols) {
			return new AgentProtocolsHealthEndpointGroupsPostProcessor(protocols.orderedStream().toList());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class InfoConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AgentProtocolsInfoContributor agentProtocolsInfoContributor(ObjectProvider<AgentProtocol> protocols) {
			return new AgentProtocolsInfoContributor(protocols.orderedStream().toList());
		}

	}

}
