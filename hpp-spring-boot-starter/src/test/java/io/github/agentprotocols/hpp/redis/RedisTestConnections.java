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

import java.util.UUID;

import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * HPP's connections to the test Redis server, with the keys of a prefix of their own.
 */
final class RedisTestConnections extends RedisConnections {

	final RedisKeys keys;

	RedisTestConnections() {
		this(new RedisKeys("hpp-test-" + UUID.randomUUID() + ":"));
	}

	private RedisTestConnections(RedisKeys keys) {
		super(keys.prefix());
		this.keys = keys;
	}

	/** A template on a new connection. */
	ReactiveStringRedisTemplate template() {
		return new ReactiveStringRedisTemplate(factory());
	}

	/**
	 * How many connections are subscribed to a session's channel: sharded channels on a
	 * cluster, plain ones on a stand-alone server.
	 * @param channel the channel
	 * @return the number of subscribed connections
	 */
	long subscribers(String channel) {
		return sync((redis) -> (RedisFixture.topology() == RedisTopology.CLUSTER) ? shardSubscribers(redis, channel)
				: redis.pubsubNumsub(channel).getOrDefault(channel, 0L));
	}

	/**
	 * Publishes a message to a session's channel as an instance without tracing would,
	 * the sharded way on a cluster.
	 * @param channel the channel
	 * @param message the message
	 */
	void publish(String channel, String message) {
		sync((redis) -> (RedisFixture.topology() == RedisTopology.CLUSTER) ? redis.spublish(channel, message)
				: redis.publish(channel, message));
	}

	/** Subscribers of a sharded channel, asked of the master that holds its slot. */
	private static long shardSubscribers(RedisClusterCommands<String, String> redis, String channel) {
		RedisURI master = ClusterPartitionParser.parse(redis.clusterNodes())
			.getPartitionBySlot(SlotHash.getSlot(channel))
			.getUri();
		RedisClient client = RedisClient.create(master);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().pubsubShardNumsub(channel).getOrDefault(channel, 0L);
		}
		finally {
			client.shutdown();
		}
	}

}
