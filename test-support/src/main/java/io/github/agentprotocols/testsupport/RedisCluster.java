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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * A test Redis Cluster of three masters with one replica each, by its nodes:
 * {@linkplain #shared() the one} every {@link UsesRedis} class runs against in the
 * build's {@code redis-cluster} execution, and {@linkplain #forFaults() one for faults},
 * which {@link UsesRedisCluster} classes fail over, so that a failover never disturbs the
 * contract tests that other modules run at the same time.
 * <p>
 * A {@linkplain #failOver failover} is real: {@code CLUSTER FAILOVER} sent to a replica,
 * which waits until the replica has every write its master acknowledged, then makes it
 * the master of the slots. The cluster keeps three masters with one replica each. A
 * {@linkplain #crash crash} is real too: a master's process killed, its replica promoted
 * by the cluster itself; the node, started again, rejoins as a replica.
 */
public final class RedisCluster {

	/**
	 * Environment variable holding the nodes of the cluster for faults, as
	 * {@code host:port,host:port,...}.
	 */
	public static final String FAULT_NODES_VARIABLE = "TEST_REDIS_FAULT_CLUSTER_NODES";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final List<String> nodes;

	private RedisCluster(List<String> nodes) {
		this.nodes = nodes;
	}

	/**
	 * The cluster that every test class that needs Redis runs against once more.
	 * @return the cluster, from {@value RedisFixture#CLUSTER_NODES_VARIABLE}
	 */
	public static RedisCluster shared() {
		ExternalServices.requireIntegrationPhase("Redis", UsesRedis.class);
		return new RedisCluster(nodes(System.getenv(), RedisFixture.CLUSTER_NODES_VARIABLE));
	}

	/**
	 * The cluster that tests fail over; hold it {@linkplain #exclusively() exclusively}
	 * while doing so.
	 * @return the cluster, from {@value #FAULT_NODES_VARIABLE}
	 */
	public static RedisCluster forFaults() {
		ExternalServices.requireIntegrationPhase("Redis", UsesRedisCluster.class);
		return new RedisCluster(nodes(System.getenv(), FAULT_NODES_VARIABLE));
	}

	static List<String> nodes(Map<String, String> environment, String variable) {
		return RedisServers.fromEnvironment(environment, variable,
				"No Redis Cluster for tests: set " + variable
						+ " to its nodes, such as 127.0.0.1:20001,127.0.0.1:20002,127.0.0.1:20003 (.ci/run starts a"
						+ " cluster with .ci/redis-cluster and sets it).");
	}

	/**
	 * The cluster's nodes.
	 * @return the nodes as {@code host:port}
	 */
	public List<String> nodes() {
		return this.nodes;
	}

	/**
	 * The Spring Boot property that points an application at this cluster.
	 * @return {@code spring.data.redis.cluster.nodes=...}
	 */
	public String connectionProperty() {
		return "spring.data.redis.cluster.nodes=" + String.join(",", this.nodes);
	}

	/**
	 * Run commands on a connection of its own: Lettuce routes each command to the node
	 * that holds its key.
	 * @param <T> the result type
	 * @param commands what to run
	 * @return what it answered
	 */
	public <T> T sync(Function<RedisClusterCommands<String, String>, T> commands) {
		RedisClusterClient client = RedisClusterClient
			.create(this.nodes.stream().map((node) -> RedisURI.create("redis://" + node)).toList());
		try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	/**
	 * The masters that hold slots now.
	 * @return their {@code host:port}
	 */
	public List<String> masters() {
		return partitions().stream()
			.filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty())
			.map((node) -> authority(node.getUri()))
			.toList();
	}

	/**
	 * The master of a key's slot now: where Lettuce sends the key's commands, and a
	 * {@code PUBLISH} to a channel of that name.
	 * @param key the key, or channel
	 * @return the master's {@code host:port}
	 */
	public String masterOf(String key) {
		int slot = SlotHash.getSlot(key);
		return partitions().stream()
			.filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && node.hasSlot(slot))
			.map((node) -> authority(node.getUri()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No master holds slot " + slot));
	}

	/**
	 * Fails a master over to one of its replicas and waits until every node sees the
	 * replica as the master and the cluster is ok again.
	 * @param master the master's {@code host:port}
	 * @return the new master's {@code host:port}
	 */
	public String failOver(String master) {
		RedisClusterNode replica = replicaOf(master);
		String promoted = authority(replica.getUri());
		run(replica.getUri(), (redis) -> redis.clusterFailover(false));
		await("failover of " + master + " to " + promoted).until(() -> settled(promoted));
		return promoted;
	}

	/**
	 * Makes a node a master: a replica is promoted ({@code CLUSTER FAILOVER} on it),
	 * waited for as {@link #failOver(String)} does; a master is left as it is.
	 * @param node the node's {@code host:port}
	 */
	public void promote(String node) {
		if (masters().contains(node)) {
			return;
		}
		RedisServers.on(node, (redis) -> redis.clusterFailover(false));
		await("promotion of " + node).until(() -> settled(node));
	}

	/**
	 * Crashes a master as a machine failure does: its {@code redis-server} process killed
	 * ({@code SIGKILL}, found by {@code INFO server}'s {@code process_id}; the nodes run
	 * on this machine), then waits until every other node sees its replica as the master
	 * of its slots and says the cluster is ok.
	 * @param master the master's {@code host:port}
	 * @return the crash, with the times of the kill and of the promotion;
	 * {@linkplain Crash#restart(RedisCluster) restart} the node before the next test
	 */
	public Crash crash(String master) {
		String promoted = authority(replicaOf(master).getUri());
		List<String> restart = RedisServers.on(master, RedisCluster::commandLine);
		long pid = Long.parseLong(RedisServers.on(master, (redis) -> redis.info("server"))
			.lines()
			.filter((line) -> line.startsWith("process_id:"))
			.findFirst()
			.orElseThrow()
			.substring("process_id:".length())
			.trim());
		ProcessHandle process = ProcessHandle.of(pid)
			.orElseThrow(() -> new IllegalStateException("No process " + pid + " of node " + master));
		long killed = System.nanoTime();
		process.destroyForcibly();
		await("kill of " + master + " (pid " + pid + ")").until(() -> !process.isAlive());
		await("promotion of " + promoted + " after the crash of " + master)
			.until(() -> promotedOnEveryOtherNode(master, promoted));
		return new Crash(master, promoted, restart, killed, System.nanoTime());
	}

	/**
	 * The command line that starts a node again as it runs now, from its configuration.
	 */
	private static List<String> commandLine(RedisCommands<String, String> redis) {
		List<String> line = new ArrayList<>(List.of("redis-server"));
		for (String parameter : List.of("port", "bind", "cluster-enabled", "cluster-config-file",
				"cluster-node-timeout", "repl-diskless-sync-delay", "dir", "save", "appendonly", "pidfile",
				"logfile")) {
			line.add("--" + parameter);
			line.addAll(List.of(redis.configGet(parameter).get(parameter).split(" ")));
		}
		line.addAll(List.of("--daemonize", "yes"));
		return line;
	}

	private RedisClusterNode replicaOf(String master) {
		Partitions partitions = partitions();
		RedisClusterNode old = partitions.stream()
			.filter((node) -> authority(node.getUri()).equals(master))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No master " + master + " in " + partitions));
		return partitions.stream()
			.filter((node) -> old.getNodeId().equals(node.getSlaveOf()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Master " + master + " has no replica"));
	}

	private boolean promotedOnEveryOtherNode(String crashed, String promoted) {
		for (String address : this.nodes) {
			if (!address.equals(crashed) && !RedisServers.on(address,
					(redis) -> redis.clusterInfo().contains("cluster_state:ok")
							&& ClusterPartitionParser.parse(redis.clusterNodes())
								.stream()
								.anyMatch((other) -> authority(other.getUri()).equals(promoted)
										&& other.is(RedisClusterNode.NodeFlag.UPSTREAM)
										&& !other.getSlots().isEmpty()))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Waits until the cluster has three masters and three replicas, each replicating, and
	 * every node reports {@code cluster_state:ok}: a replica just demoted may still be
	 * syncing, and {@code CLUSTER FAILOVER} needs its replication link.
	 */
	public void awaitHealthy() {
		await("cluster " + this.nodes + " healthy").until(this::healthy);
	}

	private boolean healthy() {
		List<String> replication = this.nodes.stream()
			.map((node) -> RedisServers.on(node, (redis) -> redis.info("replication")))
			.toList();
		return replication.stream().filter((info) -> info.contains("role:master")).count() == 3
				&& replication.stream().filter((info) -> info.contains("master_link_status:up")).count() == 3
				&& this.nodes.stream()
					.allMatch((node) -> RedisServers.on(node, RedisCommands::clusterInfo).contains("cluster_state:ok"));
	}

	/**
	 * Holds this cluster for the caller alone, across the build's JVMs, until closed:
	 * tests of several modules run at once and must not fail over the same cluster
	 * together.
	 * @return the hold, to close when done
	 */
	public AutoCloseable exclusively() {
		return BuildLock.hold("redis-cluster", this.nodes);
	}

	/** Whether every node sees the new master, and says the cluster is ok. */
	private boolean settled(String promoted) {
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

	Partitions partitions() {
		return sync((redis) -> ClusterPartitionParser.parse(redis.clusterNodes()));
	}

	private static <T> T run(RedisURI uri, Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	static String authority(RedisURI uri) {
		return uri.getHost() + ":" + uri.getPort();
	}

	/**
	 * Polls a topology that is changing: a node may close a connection meanwhile (a
	 * sentinel's failover kills the promoted replica's clients, {@code CLIENT KILL TYPE
	 * normal}), which fails that poll, not the wait.
	 */
	static ConditionFactory await(String what) {
		return Awaitility.await(what)
			.atMost(TIMEOUT)
			.pollInterval(POLL_INTERVAL)
			.ignoreExceptionsInstanceOf(RedisException.class);
	}

	/**
	 * A master crashed by {@link #crash(String)}.
	 *
	 * @param node the crashed node's {@code host:port}
	 * @param promoted the replica that became the master of its slots
	 * @param commandLine the command line that starts the node again
	 * @param killedNanos when it was killed ({@link System#nanoTime()})
	 * @param promotedNanos when every other node saw the promotion
	 * ({@link System#nanoTime()})
	 */
	public record Crash(String node, String promoted, List<String> commandLine, long killedNanos, long promotedNanos) {

		/**
		 * From the kill until every other node saw the replica as the master.
		 * @return the time the promotion took
		 */
		public Duration promotion() {
			return Duration.ofNanos(this.promotedNanos - this.killedNanos);
		}

		/**
		 * Starts the crashed node again with its configuration (its {@code nodes.conf}
		 * makes it rejoin, as a replica of the promoted one) and waits until the cluster
		 * is {@linkplain RedisCluster#awaitHealthy() healthy}.
		 * @param cluster the cluster
		 */
		public void restart(RedisCluster cluster) {
			try {
				Process start = new ProcessBuilder(this.commandLine).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (!start.waitFor(10, TimeUnit.SECONDS) || start.exitValue() != 0) {
					throw new IllegalStateException("Could not start " + this.node + " again: " + this.commandLine);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start " + this.node + " again: " + this.commandLine, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while starting " + this.node, ex);
			}
			cluster.awaitHealthy();
		}

	}

}
