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
import java.time.Duration;

import io.github.agentprotocols.hpp.DefaultPromptBuilder;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeMetrics;
import io.github.agentprotocols.hpp.HandshakeSettings;
import io.github.agentprotocols.hpp.OriginPolicy;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.SessionCleanup;
import io.github.agentprotocols.hpp.autoconfigure.HppProperties.Limits;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalClientThrottle;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.redis.RedisClientThrottle;
import io.github.agentprotocols.hpp.redis.RedisKeys;
import io.github.agentprotocols.hpp.redis.RedisPacedDelivery;
import io.github.agentprotocols.hpp.redis.RedisSessionBroadcast;
import io.github.agentprotocols.hpp.redis.RedisSessionStore;
import io.github.agentprotocols.hpp.redis.RetryingRedisTemplate;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import io.github.agentprotocols.hpp.web.HandshakeHandlers;
import io.github.agentprotocols.hpp.web.HandshakeWebSocketHandler;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Every mapping from {@link HppProperties} to the protocol's engine and its parts.
 */
final class HppPropertiesMapper {

	/**
	 * How long an instance stays subscribed to a session after its last connection left.
	 */
	private static final Duration SUBSCRIPTION_LINGER = Duration.ofSeconds(2);

	private final HppProperties properties;

	HppPropertiesMapper(HppProperties properties) {
		this.properties = properties;
	}

	HandshakeSettings settings(Environment environment) {
		Limits limits = this.properties.getLimits();
		String advertised = (this.properties.getAdvertisedPathPrefix() != null)
				? this.properties.getAdvertisedPathPrefix() : environment.getProperty("spring.webflux.base-path", "");
		return new HandshakeSettings(this.properties.getTtl(), this.properties.getMaxLifetime(),
				this.properties.getRateLimitPerMinute(), this.properties.getExtendRateLimitPerMinute(),
				new HandshakeSettings.Limits(limits.getMaxFields(), limits.getMaxKeyLength(),
						(int) limits.getMaxValueSize().toBytes(), limits.getMaxSchemaFields()),
				new HandshakeSettings.Pacing(this.properties.getPacing().getMaxInterval(),
						this.properties.getPacing().getMaxBatch()),
				this.properties.getTimeZone(), this.properties.isBindUserEditsToOwner(),
				this.properties.isClearedFieldsBecomeEmpty(), this.properties.isRequireOwner(),
				new HandshakeSettings.Paths(trimSlash(advertised), prefix(), webSocketPrefix()));
	}

	HandshakeManager.Builder manager(HandshakeManager.Builder builder, Environment environment) {
		return builder.settings(settings(environment)).originPolicy(originPolicy());
	}

	InMemorySessionStore inMemoryStore(Clock clock) {
		return new InMemorySessionStore(this.properties.getLimits().getMaxSessions(),
				this.properties.getLimits().getMaxSessionsPerOwner(), clock);
	}

	LocalPacedDelivery localDelivery(SessionBroadcast broadcast) {
		return new LocalPacedDelivery(broadcast, this.properties.getPacing().getMaxQueuedBatches());
	}

	DefaultPromptBuilder promptBuilder() {
		return new DefaultPromptBuilder(prefix());
	}

	SessionCleanup cleanup(HandshakeManager manager) {
		return new SessionCleanup(manager, this.properties.getCleanupInterval());
	}

	HandshakeHandlers handlers(HandshakeManager manager, ClientThrottle failedTokens,
			ClientThrottle anonymousSessions) {
		return new HandshakeHandlers(manager, (int) this.properties.getLimits().getMaxBodySize().toBytes(),
				failedTokens, anonymousSessions);
	}

	LocalClientThrottle localFailedTokens(Clock clock) {
		Limits limits = this.properties.getLimits();
		return new LocalClientThrottle(limits.getMaxFailedTokensPerMinute(), limits.getMaxTrackedClients(), clock);
	}

	LocalClientThrottle localAnonymousSessions(Clock clock) {
		Limits limits = this.properties.getLimits();
		return new LocalClientThrottle(limits.getMaxAnonymousSessionsPerMinute(), limits.getMaxTrackedClients(), clock);
	}

	RedisClientThrottle redisFailedTokens(ReactiveRedisConnectionFactory connectionFactory, Clock clock) {
		Limits limits = this.properties.getLimits();
		return new RedisClientThrottle(connectionFactory, redisTimeout(), redisKeys(), "failed-tokens",
				limits.getMaxFailedTokensPerMinute(), limits.getMaxTrackedClients(), clock);
	}

	RedisClientThrottle redisAnonymousSessions(ReactiveRedisConnectionFactory connectionFactory, Clock clock) {
		Limits limits = this.properties.getLimits();
		return new RedisClientThrottle(connectionFactory, redisTimeout(), redisKeys(), "anonymous-sessions",
				limits.getMaxAnonymousSessionsPerMinute(), limits.getMaxTrackedClients(), clock);
	}

	HandshakeWebSocketHandler webSocketHandler(HandshakeManager manager, SessionBroadcast broadcast,
			HandshakeMetrics metrics) {
		return new HandshakeWebSocketHandler(manager, broadcast, this.properties.getHeartbeatInterval(), metrics,
				this.properties.isCheckWebsocketOrigin() ? originPolicy() : null);
	}

	RedisSessionStore redisStore(ReactiveRedisConnectionFactory connectionFactory, Clock clock) {
		return new RedisSessionStore(RetryingRedisTemplate.on(connectionFactory, redisTimeout()), redisKeys(),
				this.properties.getLimits().getMaxSessions(), this.properties.getLimits().getMaxSessionsPerOwner(),
				clock);
	}

	RedisSessionBroadcast redisBroadcast(ReactiveRedisConnectionFactory connectionFactory) {
		return new RedisSessionBroadcast(connectionFactory, redisTimeout(), redisKeys(), SUBSCRIPTION_LINGER,
				this.properties.getMaxLifetime());
	}

	RedisPacedDelivery redisDelivery(ReactiveRedisConnectionFactory connectionFactory, SessionBroadcast broadcast) {
		return new RedisPacedDelivery(RetryingRedisTemplate.on(connectionFactory, redisTimeout()), broadcast,
				redisKeys(), this.properties.getPacing().getMaxBatch(),
				this.properties.getPacing().getMaxQueuedBatches());
	}

	/**
	 * The HTTP prefix without a trailing slash.
	 */
	String prefix() {
		return trimSlash(this.properties.getPrefix());
	}

	/**
	 * The path of the browser client: {@code hpp.browser-client.path}, else the prefix
	 * followed by {@code /hpp-client.js}.
	 */
	String browserClientPath() {
		String path = this.properties.getBrowserClient().getPath();
		return (path != null) ? path : prefix() + "/hpp-client.js";
	}

	/**
	 * The WebSocket prefix without a trailing slash.
	 */
	String webSocketPrefix() {
		return trimSlash(this.properties.getWsPrefix());
	}

	private OriginPolicy originPolicy() {
		return new OriginPolicy(this.properties.getAllowedOrigins());
	}

	/**
	 * The key names under {@code hpp.store.key-prefix}, which must hold no hash tag.
	 */
	private Duration redisTimeout() {
		Duration timeout = this.properties.getStore().getTimeout();
		if (timeout.isNegative() || timeout.isZero()) {
			throw new InvalidConfigurationPropertyValueException("hpp.store.timeout", timeout,
					"How long a request waits for Redis must be positive, such as 5s");
		}
		return timeout;
	}

	private RedisKeys redisKeys() {
		String prefix = this.properties.getStore().getKeyPrefix();
		try {
			return new RedisKeys(prefix);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("hpp.store.key-prefix", prefix,
					ex.getMessage() + ". Remove the braces (hpp:, or orders-hpp: for an application of its own)."
							+ " The starter spreads sessions over a cluster's shards by itself.");
		}
	}

	private static String trimSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
