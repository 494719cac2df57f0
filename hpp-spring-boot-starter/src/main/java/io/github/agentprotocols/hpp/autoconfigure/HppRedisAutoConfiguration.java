package io.github.agentprotocols.hpp.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.redis.RedisKeys;
import io.github.agentprotocols.hpp.redis.RedisPacedDelivery;
import io.github.agentprotocols.hpp.redis.RedisSessionBroadcast;
import io.github.agentprotocols.hpp.redis.RedisSessionStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the Redis store of the Handshake Prompt Protocol starter, active
 * with {@code hpp.store=redis}: sessions, WebSocket events and paced delivery shared by
 * every instance through the application's Redis connection. Fails the start-up with an
 * explanation when Spring Data Redis reactive is missing.
 */
@AutoConfiguration(before = HppAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnBooleanProperty(name = "hpp.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "hpp.store", havingValue = "redis")
@EnableConfigurationProperties({ HppProperties.class, HppRedisProperties.class })
public final class HppRedisAutoConfiguration {

	static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory";

	/**
	 * How long an instance stays subscribed to a session after its last connection left.
	 */
	private static final Duration SUBSCRIPTION_LINGER = Duration.ofSeconds(2);

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
		@ConditionalOnMissingBean(SessionStore.class)
		RedisSessionStore hppRedisSessionStore(ReactiveRedisConnectionFactory connectionFactory,
				HppProperties properties, HppRedisProperties redis, Clock clock) {
			return new RedisSessionStore(new ReactiveStringRedisTemplate(connectionFactory),
					new RedisKeys(redis.getKeyPrefix()), properties.getLimits().getMaxSessions(),
					properties.getLimits().getMaxSessionsPerPrincipal(), clock);
		}

		@Bean
		@ConditionalOnMissingBean(SessionBroadcast.class)
		RedisSessionBroadcast hppRedisSessionBroadcast(ReactiveRedisConnectionFactory connectionFactory,
				HppProperties properties, HppRedisProperties redis) {
			return new RedisSessionBroadcast(connectionFactory, new RedisKeys(redis.getKeyPrefix()),
					SUBSCRIPTION_LINGER, properties.getMaxLifetime());
		}

		@Bean
		@ConditionalOnMissingBean(PacedDelivery.class)
		RedisPacedDelivery hppRedisPacedDelivery(ReactiveRedisConnectionFactory connectionFactory,
				SessionBroadcast broadcast, HppProperties properties, HppRedisProperties redis) {
			return new RedisPacedDelivery(new ReactiveStringRedisTemplate(connectionFactory), broadcast,
					new RedisKeys(redis.getKeyPrefix()), properties.getPacing().getMaxBatch(),
					properties.getPacing().getMaxQueuedBatches());
		}

	}

}
