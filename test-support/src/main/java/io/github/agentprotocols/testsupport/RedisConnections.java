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

package io.github.agentprotocols.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Connections to the test Redis ({@link RedisFixture}, in this JVM's
 * {@linkplain RedisFixture#topology() topology}), each one separate like those of
 * different application instances, under a key prefix of their own so that test classes
 * do not meet. Closing deletes every key under the prefix.
 */
public class RedisConnections implements AutoCloseable {

	private final String prefix;

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	/**
	 * Connections whose keys all start with the given prefix.
	 * @param prefix the key prefix the tests use
	 */
	public RedisConnections(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * A new connection factory, started; closed with these connections.
	 * @return the factory
	 */
	public LettuceConnectionFactory factory() {
		return factory(LettuceClientConfiguration.defaultConfiguration());
	}

	/**
	 * A new connection factory with the given client settings (its client resources, for
	 * example), started; closed with these connections.
	 * @param clientConfiguration the client settings
	 * @return the factory
	 */
	public LettuceConnectionFactory factory(LettuceClientConfiguration clientConfiguration) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration(), clientConfiguration);
		factory.afterPropertiesSet();
		factory.start();
		this.factories.add(factory);
		return factory;
	}

	/**
	 * Run commands on a connection of its own, outside any application: on a cluster,
	 * Lettuce routes each command to the node that holds its key.
	 * @param <T> the result type
	 * @param commands what to run
	 * @return what it answered
	 */
	public static <T> T sync(Function<RedisClusterCommands<String, String>, T> commands) {
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			return RedisCluster.shared().sync(commands);
		}
		RedisClient client = RedisClient.create(RedisFixture.url().toString());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * How the keys that match a pattern spread over the masters: on a cluster, the number
	 * of keys in the slots each master holds, by the master's {@code host:port}; on a
	 * stand-alone server, one entry.
	 * @param pattern the keys' pattern, as {@code KEYS} takes it
	 * @return the number of keys per master
	 */
	public static Map<String, Long> keysPerMaster(String pattern) {
		return sync((redis) -> {
			List<String> keys = redis.keys(pattern);
			if (RedisFixture.topology() != RedisTopology.CLUSTER) {
				return Map.of(RedisFixture.url().getAuthority(), (long) keys.size());
			}
			Partitions partitions = ClusterPartitionParser.parse(redis.clusterNodes());
			Map<String, Long> perMaster = new TreeMap<>();
			partitions.stream()
				.filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
				.forEach((node) -> perMaster.put(authority(node), 0L));
			for (String key : keys) {
				perMaster.merge(authority(partitions.getPartitionBySlot(SlotHash.getSlot(key))), 1L, Long::sum);
			}
			return perMaster;
		});
	}

	private static String authority(RedisClusterNode node) {
		return RedisCluster.authority(node.getUri());
	}

	/** Deletes every key under the prefix and closes the connections. */
	@Override
	public void close() {
		if (!this.factories.isEmpty()) {
			sync((redis) -> {
				// KEYS on a cluster connection asks every master; DEL is split by slot.
				List<String> keys = redis.keys(this.prefix + "*");
				return keys.isEmpty() ? 0L : redis.del(keys.toArray(String[]::new));
			});
		}
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.factories.clear();
	}

	private static RedisConfiguration configuration() {
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			return new RedisClusterConfiguration(RedisCluster.shared().nodes());
		}
		URI url = RedisFixture.url();
		return new RedisStandaloneConfiguration(url.getHost(), url.getPort());
	}

}
