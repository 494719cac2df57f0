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

import java.time.Clock;

import io.github.agentprotocols.commons.availability.ReadinessCheck;
import io.github.agentprotocols.commons.redis.RedisPermissionCheck;
import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.PassportReplayStore;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.autoconfigure.LimeClusterUnavailableException.Missing;
import io.github.agentprotocols.lime.context.LimeEventDispatcherLifecycle;
import io.github.agentprotocols.lime.context.LocalLoginBroadcast;
import io.github.agentprotocols.lime.memory.InMemoryPendingLoginRequests;
import io.github.agentprotocols.lime.observation.LimeBroadcastObservationConvention;
import io.github.agentprotocols.lime.observation.LimeEventObservationConvention;
import io.github.agentprotocols.lime.redis.LimeStreamLeadership;
import io.github.agentprotocols.lime.redis.RedisKeys;
import io.github.agentprotocols.lime.redis.RedisLimeEventLog;
import io.github.agentprotocols.lime.redis.RedisLoginBroadcast;
import io.github.agentprotocols.lime.redis.RedisPassportReplayStore;
import io.github.agentprotocols.lime.redis.RedisPendingLoginRequests;
import io.github.agentprotocols.lime.redis.RedisPermissions;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of many instances of a site on one Redis, active with
 * {@code lime.store.type=redis}: the event stream read by one instance at a time under a
 * lease ({@link LimeStreamLeadership} over Spring Integration's
 * {@link RedisLockRegistry}), which replaces the single instance's
 * {@link LimeEventDispatcherLifecycle}; the event log, pending login requests and
 * passport replay store in Redis; and login outcomes broadcast to every instance over
 * Redis pub/sub. Uses the application's Redis connection (Lettuce,
 * {@code spring.data.redis.*}), a single server or a Redis Cluster
 * ({@code spring.data.redis.cluster.nodes}) alike (see {@link RedisKeys} for the keys'
 * layout); fails the start-up with an explanation when Spring Data Redis, Spring
 * Integration Redis or the connection factory is missing.
 */
@AutoConfiguration(before = LimeAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBooleanProperty(name = "lime.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "lime.store.type", havingValue = "redis")
@EnableConfigurationProperties(LimeProperties.class)
@ImportRuntimeHints(LimeRedisRuntimeHints.class)
public final class LimeRedisAutoConfiguration {

	static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	static final String REACTIVE_CONNECTION_FACTORY = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory";

	static final String LOCK_REGISTRY = "org.springframework.integration.redis.util.RedisLockRegistry";

	/**
	 * How often a standby tries to take the lease, as a fraction of the lease time.
	 */
	private static final int TRIES_PER_LEASE = 10;

	/**
	 * Stands in for the lease when the Redis mode cannot be set up, to fail with a
	 * report.
	 * @param resourceLoader the application's resource loader, for its class loader
	 * @return never returns
	 */
	@Bean
	@ConditionalOnMissingBean(LimeStreamLease.class)
	LimeStreamLease limeClusterUnavailable(ResourceLoader resourceLoader) {
		ClassLoader classLoader = resourceLoader.getClassLoader();
		if (!ClassUtils.isPresent(REACTIVE_CONNECTION_FACTORY, classLoader)
				|| !ClassUtils.isPresent("reactor.core.publisher.Flux", classLoader)) {
			throw new LimeClusterUnavailableException(Missing.SPRING_DATA_REDIS);
		}
		if (!ClassUtils.isPresent(LOCK_REGISTRY, classLoader)) {
			throw new LimeClusterUnavailableException(Missing.SPRING_INTEGRATION_REDIS);
		}
		throw new LimeClusterUnavailableException(Missing.CONNECTION_FACTORY);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { LimeRedisAutoConfiguration.REACTIVE_CONNECTION_FACTORY, LimeRedisAutoConfiguration.LOCK_REGISTRY })
	@ConditionalOnBean(type = { LimeRedisAutoConfiguration.CONNECTION_FACTORY,
			LimeRedisAutoConfiguration.REACTIVE_CONNECTION_FACTORY })
	static class RedisClusterConfiguration {

		@Bean
		RedisPermissionCheck limeRedisPermissionCheck(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				Environment environment, LimeProperties properties) {
			return new RedisPermissionCheck(connectionFactory, environment, "LIME",
					RedisPermissions.commands(properties.getStore().getKeyPrefix()));
		}

		@Bean
		@ConditionalOnMissingBean(name = "limeLockRegistry")
		RedisLockRegistry limeLockRegistry(RedisConnectionFactory connectionFactory, LimeProperties properties) {
			LimePropertiesMapper mapper = new LimePropertiesMapper(properties);
			RedisLockRegistry locks = new RedisLockRegistry(connectionFactory, mapper.redisKeys().leases(),
					mapper.leaseTtl());
			locks.setIdleBetweenTries(mapper.leaseTtl().dividedBy(TRIES_PER_LEASE));
			return locks;
		}

		@Bean
		@ConditionalOnMissingBean(LimeStreamLease.class)
		LimeStreamLeadership limeStreamLeadership(@Qualifier("limeLockRegistry") LockRegistry<?> locks,
				LimeEventDispatcher dispatcher, LimeProperties properties, ApplicationEventPublisher eventPublisher,
				Environment environment) {
			LimeStreamLeadership leadership = new LimeStreamLeadership(locks, dispatcher,
					new LimePropertiesMapper(properties).leaseTtl(), eventPublisher);
			leadership.setVirtualThreads(Threading.VIRTUAL.isActive(environment));
			return leadership;
		}

		/**
		 * Refuses traffic while the lease this instance held is lost and Redis out of
		 * reach: no instance may be reading the stream, so login requests created here
		 * would hear no outcome.
		 * @param lease the lease
		 * @return the readiness check
		 */
		@Bean
		@ConditionalOnBooleanProperty(name = "lime.cluster.readiness", matchIfMissing = true)
		ReadinessCheck limeLeaseReadiness(LimeStreamLease lease) {
			return () -> lease.isLost()
					? "this instance lost the lease of the LIME event stream and cannot reach Redis to take it again"
					: null;
		}

		@Bean
		@ConditionalOnMissingBean
		PassportReplayStore limePassportReplayStore(RedisConnectionFactory connectionFactory, LimeProperties properties,
				Clock clock) {
			return new RedisPassportReplayStore(new StringRedisTemplate(connectionFactory),
					new LimePropertiesMapper(properties).redisKeys(), clock);
		}

		@Bean
		@ConditionalOnMissingBean
		PendingLoginRequests limePendingLoginRequests(ReactiveRedisConnectionFactory connectionFactory,
				LimeProperties properties, Clock clock) {
			return new RedisPendingLoginRequests(new ReactiveStringRedisTemplate(connectionFactory),
					new LimePropertiesMapper(properties).redisKeys(), clock,
					InMemoryPendingLoginRequests.DEFAULT_RETENTION, InMemoryPendingLoginRequests.DEFAULT_CAPACITY);
		}

		@Bean
		@ConditionalOnMissingBean
		LimeEventLog limeEventLog(ReactiveRedisConnectionFactory connectionFactory, LimeProperties properties,
				Clock clock) {
			LimePropertiesMapper mapper = new LimePropertiesMapper(properties);
			return new RedisLimeEventLog(new ReactiveStringRedisTemplate(connectionFactory), mapper.redisKeys(),
					mapper.eventRetention(), clock);
		}

		@Bean
		@ConditionalOnMissingBean(LimeLoginBroadcast.class)
		RedisLoginBroadcast limeLoginBroadcast(ReactiveRedisConnectionFactory connectionFactory,
				LimeProperties properties, ApplicationEventPublisher eventPublisher,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<LimeBroadcastObservationConvention> broadcastConvention,
				ObjectProvider<LimeEventObservationConvention> eventConvention) {
			LocalLoginBroadcast local = new LocalLoginBroadcast(eventPublisher);
			LimePropertiesMapper mapper = new LimePropertiesMapper(properties);
			return new RedisLoginBroadcast(connectionFactory, mapper.redisKeys(), local::broadcast,
					mapper.broadcastTimeout(), observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
					broadcastConvention.getIfAvailable(), eventConvention.getIfAvailable());
		}

	}

}
