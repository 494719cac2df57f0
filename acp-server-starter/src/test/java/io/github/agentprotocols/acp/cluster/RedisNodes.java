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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import static org.awaitility.Awaitility.await;

/**
 * The servers of the test Redis one by one: the stand-alone server, or each node of the
 * Redis Cluster. What a cluster keeps per node (the clients, their pub/sub subscriptions)
 * is found and changed on the node that holds it; a failover is started on a replica.
 */
final class RedisNodes {

	private static final Duration FAILOVER = Duration.ofSeconds(20);

	private RedisNodes() {
	}

	/**
	 * Every server of this JVM's topology.
	 * @return the stand-alone server, or every node of the cluster
	 */
	static List<RedisURI> all() {
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			return RedisFixture.clusterNodes().stream().map((node) -> RedisURI.create("redis://" + node)).toList();
		}
		return List.of(RedisURI.create(RedisFixture.url().toString()));
	}

	/**
	 * Runs commands on one server, on a connection of its own.
	 */
	static <T> T on(RedisURI node, Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create(node);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * The servers on which a client, by its name, has a pub/sub connection.
	 * @param clientName the {@code spring.data.redis.client-name} of an application
	 * @return the servers, each once per such connection
	 */
	static List<RedisURI> subscribedBy(String clientName) {
		return all().stream().flatMap((node) -> subscriberIds(node, clientName).stream().map((id) -> node)).toList();
	}

	/**
	 * Kills every pub/sub connection of a client, by its name, with
	 * {@code CLIENT KILL ID} on the server that holds it.
	 * @param clientName the {@code spring.data.redis.client-name} of an application
	 * @return how many connections were killed
	 */
	static long killSubscribers(String clientName) {
		long killed = 0;
		for (RedisURI node : all()) {
			for (long id : subscriberIds(node, clientName)) {
				killed += on(node, (redis) -> redis.clientKill(KillArgs.Builder.id(id)));
			}
		}
		return killed;
	}

	private static List<Long> subscriberIds(RedisURI node, String clientName) {
		return on(node,
				(redis) -> redis.clientList()
					.lines()
					.filter((line) -> line.contains(" name=" + clientName + " ") && line.matches(".* flags=\\w*P.*"))
					.map((line) -> Long.parseLong(line.substring(3, line.indexOf(' '))))
					.toList());
	}

	/**
	 * Fails over the shard a cluster node belongs to: {@code CLUSTER FAILOVER} on the
	 * node if it is a replica, else on its replica; returns once the replica is master in
	 * every node's view and every node reports {@code cluster_state:ok}.
	 * @param node a node of the cluster
	 * @return the node promoted to master
	 */
	static RedisURI failOver(RedisURI node) {
		RedisURI replica = isMaster(node) ? replicaOf(node) : node;
		String promoted = on(replica, RedisCommands::clusterMyId);
		await().atMost(FAILOVER).pollInterval(Duration.ofMillis(100)).until(() -> isReplicating(replica));
		on(replica, (redis) -> redis.clusterFailover(false));
		await().atMost(FAILOVER)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> isMaster(replica) && all().stream().allMatch((other) -> isHealthyMaster(other, promoted)));
		awaitHealthy();
		return replica;
	}

	/**
	 * The shard a cluster node belongs to.
	 * @param node a node of the cluster
	 * @return the id of its master, or its own if it is one
	 */
	static String masterIdOf(RedisURI node) {
		String[] myself = on(node, RedisCommands::clusterNodes).lines()
			.map((line) -> line.split(" "))
			.filter((fields) -> fields[2].contains("myself"))
			.findFirst()
			.orElseThrow();
		return myself[2].contains("master") ? myself[0] : myself[3];
	}

	/**
	 * Waits until the cluster has three masters and three replicas, each replicating, and
	 * every node reports {@code cluster_state:ok}.
	 */
	static void awaitHealthy() {
		await().atMost(FAILOVER).pollInterval(Duration.ofMillis(100)).until(() -> {
			List<RedisURI> masters = all().stream().filter(RedisNodes::isMaster).toList();
			List<RedisURI> replicas = all().stream().filter((node) -> !masters.contains(node)).toList();
			return masters.size() == 3 && replicas.size() == 3 && replicas.stream().allMatch(RedisNodes::isReplicating)
					&& all().stream().allMatch(RedisNodes::isClusterOk);
		});
	}

	private static boolean isHealthyMaster(RedisURI node, String masterId) {
		return isClusterOk(node) && on(node, RedisCommands::clusterNodes).lines()
			.anyMatch((line) -> line.startsWith(masterId + " ")
					&& Arrays.asList(line.split(" ")[2].split(",")).contains("master"));
	}

	private static boolean isClusterOk(RedisURI node) {
		return on(node, RedisCommands::clusterInfo).contains("cluster_state:ok");
	}

	private static boolean isReplicating(RedisURI replica) {
		return on(replica, (redis) -> redis.info("replication")).contains("master_link_status:up");
	}

	private static boolean isMaster(RedisURI node) {
		return on(node, (redis) -> redis.info("replication")).contains("role:master");
	}

	/**
	 * The replica of a master, once the master's view of the cluster shows it (a master
	 * just promoted learns its former master's new role a little later).
	 */
	private static RedisURI replicaOf(RedisURI master) {
		String id = on(master, RedisCommands::clusterMyId);
		return await().atMost(FAILOVER)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> on(master, RedisCommands::clusterNodes).lines()
				.map((line) -> line.split(" "))
				.filter((fields) -> fields[3].equals(id) && fields[7].equals("connected"))
				.map((fields) -> RedisURI.create("redis://" + fields[1].substring(0, fields[1].indexOf('@'))))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

}
