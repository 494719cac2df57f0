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

package io.github.agentprotocols.acp.cluster;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import static org.awaitility.Awaitility.await;

/**
 * The servers of a test Redis one by one: a stand-alone server, or each node of a Redis
 * Cluster. What a cluster keeps per node (the clients, their pub/sub subscriptions) is
 * found and changed on the node that holds it.
 */
final class RedisNodes {

	private static final Duration HEALTHY = Duration.ofSeconds(30);

	private final List<RedisURI> nodes;

	private RedisNodes(List<String> nodes) {
		this.nodes = nodes.stream().map((node) -> RedisURI.create("redis://" + node)).toList();
	}

	/**
	 * The servers of this JVM's topology.
	 * @return the stand-alone server, or every node of the shared cluster
	 */
	static RedisNodes ofTopology() {
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			return of(RedisCluster.shared());
		}
		return new RedisNodes(List.of(RedisFixture.url().getAuthority()));
	}

	/**
	 * The nodes of a cluster.
	 * @param cluster the cluster
	 * @return its nodes
	 */
	static RedisNodes of(RedisCluster cluster) {
		return new RedisNodes(cluster.nodes());
	}

	/**
	 * The servers on which a client, by its name, has a pub/sub connection.
	 * @param clientName the {@code spring.data.redis.client-name} of an application
	 * @return the servers as {@code host:port}, each once per such connection
	 */
	List<String> subscribedBy(String clientName) {
		return this.nodes.stream()
			.flatMap((node) -> subscriberIds(node, clientName).stream().map((id) -> authority(node)))
			.toList();
	}

	/**
	 * Kills every pub/sub connection of a client, by its name, with
	 * {@code CLIENT KILL ID} on the server that holds it.
	 * @param clientName the {@code spring.data.redis.client-name} of an application
	 * @return how many connections were killed
	 */
	long killSubscribers(String clientName) {
		long killed = 0;
		for (RedisURI node : this.nodes) {
			for (long id : subscriberIds(node, clientName)) {
				killed += on(node, (redis) -> redis.clientKill(KillArgs.Builder.id(id)));
			}
		}
		return killed;
	}

	/**
	 * Waits until the cluster has three masters and three replicas, each replicating, and
	 * every node reports {@code cluster_state:ok}: a replica just demoted may still be
	 * syncing, and {@code CLUSTER FAILOVER} needs its replication link.
	 */
	void awaitHealthy() {
		await().atMost(HEALTHY).pollInterval(Duration.ofMillis(100)).until(() -> {
			List<String> replication = this.nodes.stream()
				.map((node) -> on(node, (redis) -> redis.info("replication")))
				.toList();
			return replication.stream().filter((info) -> info.contains("role:master")).count() == 3
					&& replication.stream().filter((info) -> info.contains("master_link_status:up")).count() == 3
					&& this.nodes.stream()
						.allMatch((node) -> on(node, RedisCommands::clusterInfo).contains("cluster_state:ok"));
		});
	}

	private static List<Long> subscriberIds(RedisURI node, String clientName) {
		return on(node,
				(redis) -> redis.clientList()
					.lines()
					.filter((line) -> line.contains(" name=" + clientName + " ") && line.matches(".* flags=\\w*P.*"))
					.map((line) -> Long.parseLong(line.substring(3, line.indexOf(' '))))
					.toList());
	}

	private static <T> T on(RedisURI node, Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create(node);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private static String authority(RedisURI node) {
		return node.getHost() + ":" + node.getPort();
	}

}
