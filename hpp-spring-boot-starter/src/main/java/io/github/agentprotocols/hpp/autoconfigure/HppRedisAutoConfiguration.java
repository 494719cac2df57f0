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

import java.time.Clock;

import io.github.agentprotocols.commons.redis.RedisPermissionCheck;
import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.redis.RedisClientThrottle;
import io.github.agentprotocols.hpp.redis.RedisPacedDelivery;
import io.github.agentprotocols.hpp.redis.RedisPermissions;
import io.github.agentprotocols.hpp.redis.RedisSessionBroadcast;
import io.github.agentprotocols.hpp.redis.RedisSessionStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the Redis store of the Handshake Prompt Protocol starter, active
 * with {@code hpp.store.type=redis}: sessions, WebSocket events, paced delivery and the
 * per-client throttles shared by every instance through the application's Redis
 * connection. Fails the start-up with an explanation when Spring Data Redis reactive is
 * missing. Registers the Lua scripts as resources for a native image.
 */
@AutoConfiguration(before = HppAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnBooleanProperty(name = "hpp.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "hpp.store.type", havingValue = "redis")
@EnableConfigurationProperties(HppProperties.class)
@ImportRuntimeHints(HppRedisRuntimeHints.class)
public final class HppRedisAutoConfiguration {

	static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory";

	/**
	 * Stands in for the Redis store when it cannot be built, to fail with a report.
	 * @param resourceLoader the application's resource loader, for its class loader
	 * @return never returns
	 */
	@Bean
	@ConditionalOnMissingBean(SessionStore.class)
	SessionStore hppRedisStoreUnavailable(ResourceLoader resourceLoader) {
		throw new HppRedisUnavailableException(
				ClassUtils.isPresent(CONNECTION_FACTORY, resourceLoader.getClassLoader()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = HppRedisAutoConfiguration.CONNECTION_FACTORY)
	@ConditionalOnBean(type = HppRedisAutoConfiguration.CONNECTION_FACTORY)
	static class RedisStoreConfiguration {

		@Bean
		RedisPermissionCheck hppRedisPermissionCheck(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				Environment environment, HppProperties properties) {
			return new RedisPermissionCheck(connectionFactory, environment, "HPP",
					RedisPermissions.commands(properties.getStore().getKeyPrefix()));
		}

		@Bean
		@ConditionalOnMissingBean(SessionStore.class)
		RedisSessionStore hppRedisSessionStore(ReactiveRedisConnectionFactory connectionFactory,
				HppProperties properties, Clock clock) {
			return new HppPropertiesMapper(properties).redisStore(connectionFactory, clock);
		}

		@Bean
		@ConditionalOnMissingBean(SessionBroadcast.class)
		RedisSessionBroadcast hppRedisSessionBroadcast(ReactiveRedisConnectionFactory connectionFactory,
				HppProperties properties, HandshakeObservations observations) {
			RedisSessionBroadcast broadcast = new HppPropertiesMapper(properties).redisBroadcast(connectionFactory);
			broadcast.setObservations(observations);
			return broadcast;
		}

		@Bean
		@ConditionalOnMissingBean(PacedDelivery.class)
		RedisPacedDelivery hppRedisPacedDelivery(ReactiveRedisConnectionFactory connectionFactory,
				SessionBroadcast broadcast, HppProperties properties, HandshakeObservations observations) {
			RedisPacedDelivery delivery = new HppPropertiesMapper(properties).redisDelivery(connectionFactory,
					broadcast);
			delivery.setObservations(observations);
			return delivery;
		}

		@Bean(HppAutoConfiguration.FAILED_TOKEN_THROTTLE)
		@ConditionalOnMissingBean(name = HppAutoConfiguration.FAILED_TOKEN_THROTTLE)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		RedisClientThrottle hppRedisFailedTokenThrottle(ReactiveRedisConnectionFactory connectionFactory,
				HppProperties properties, Clock clock) {
			return new HppPropertiesMapper(properties).redisFailedTokens(connectionFactory, clock);
		}

		@Bean(HppAutoConfiguration.ANONYMOUS_SESSION_THROTTLE)
		@ConditionalOnMissingBean(name = HppAutoConfiguration.ANONYMOUS_SESSION_THROTTLE)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		RedisClientThrottle hppRedisAnonymousSessionThrottle(ReactiveRedisConnectionFactory connectionFactory,
				HppProperties properties, Clock clock) {
			return new HppPropertiesMapper(properties).redisAnonymousSessions(connectionFactory, clock);
		}

	}

}
