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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

/**
 * Real failovers of the test Redis Cluster: {@code CLUSTER FAILOVER} sent to a replica,
 * which waits until the replica has every write its master acknowledged, then makes it
 * the master of the slots. The cluster keeps three masters with one replica each, so
 * tests after it run on the same topology.
 */
public final class RedisClusterFailover {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private RedisClusterFailover() {
	}

	/**
	 * The masters that hold slots now.
	 * @return their {@code host:port}
	 */
	public static List<String> masters() {
		return partitions().stream()
			.filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty())
			.map((node) -> authority(node.getUri()))
			.toList();
	}

	/**
	 * Fails a master over to one of its replicas and waits until every node sees the
	 * replica as the master and the cluster is ok again.
	 * @param master the master's {@code host:port}
	 * @return the new master's {@code host:port}
	 */
	public static String failOver(String master) {
		Partitions partitions = partitions();
		RedisClusterNode old = partitions.stream()
			.filter((node) -> authority(node.getUri()).equals(master))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No master " + master + " in " + partitions));
		RedisClusterNode replica = partitions.stream()
			.filter((node) -> old.getNodeId().equals(node.getSlaveOf()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Master " + master + " has no replica"));
		String promoted = authority(replica.getUri());
		run(replica.getUri(), (redis) -> redis.clusterFailover(false));
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (!settled(promoted)) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Failover of " + master + " to " + promoted + " did not settle");
			}
			sleep();
		}
		return promoted;
	}

	/** Whether every node sees the new master, and says the cluster is ok. */
	private static boolean settled(String promoted) {
		for (RedisClusterNode node : partitions()) {
			boolean seen = run(node.getUri(),
					(redis) -> redis.clusterInfo().contains("cluster_state:ok")
							&& ClusterPartitionParser.parse(redis.clusterNodes())
								.stream()
								.anyMatch((other) -> authority(other.getUri()).equals(promoted)
										&& other.is(RedisClusterNode.NodeFlag.UPSTREAM)
										&& !other.getSlots().isEmpty()));
			if (!seen) {
				return false;
			}
		}
		return true;
	}

	private static Partitions partitions() {
		return RedisConnections.sync((redis) -> ClusterPartitionParser.parse(redis.clusterNodes()));
	}

	private static <T> T run(RedisURI uri, java.util.function.Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private static String authority(RedisURI uri) {
		return uri.getHost() + ":" + uri.getPort();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
