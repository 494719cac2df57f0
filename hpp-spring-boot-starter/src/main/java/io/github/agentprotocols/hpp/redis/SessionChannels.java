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

package io.github.agentprotocols.hpp.redis;

import java.time.Duration;

import io.lettuce.core.cluster.RedisClusterClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The subscriptions of an instance to sessions' channels, and the command that publishes
 * to them: plain pub/sub on a stand-alone Redis (or behind Sentinel), sharded pub/sub on
 * a Redis Cluster.
 */
sealed interface SessionChannels permits ListenerContainerChannels, ShardedChannels {

	/**
	 * Subscribes to a channel.
	 * @param channel the channel
	 * @return emits the channel's messages once the subscription is confirmed; cancelling
	 * them unsubscribes
	 */
	Mono<Flux<String>> receiveLater(String channel);

	/**
	 * Starts following the topology of the Redis the channels live on, where they need it
	 * (a cluster's failovers).
	 */
	default void start() {
	}

	/** Ends every subscription, and stops following the topology. */
	void close();

	/**
	 * The channels of an application's connection: sharded when it is a Lettuce
	 * connection to a Redis Cluster.
	 * @param connectionFactory the connection factory
	 * @param timeout how long a sharded subscription waits for its confirmation
	 * @return the channels
	 */
	static SessionChannels of(ReactiveRedisConnectionFactory connectionFactory, Duration timeout) {
		if (isCluster(connectionFactory)) {
			return new ShardedChannels(
					(RedisClusterClient) ((LettuceConnectionFactory) connectionFactory).getRequiredNativeClient(),
					timeout);
		}
		return new ListenerContainerChannels(connectionFactory);
	}

	/**
	 * Whether a connection factory connects to a Redis Cluster.
	 * @param connectionFactory the connection factory
	 * @return whether its channels are sharded
	 */
	static boolean isCluster(ReactiveRedisConnectionFactory connectionFactory) {
		return connectionFactory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
	}

}
