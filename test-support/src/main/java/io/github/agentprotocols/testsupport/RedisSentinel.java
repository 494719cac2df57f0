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

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;

/**
 * The test Redis Sentinel setup that {@code .ci/redis-sentinel} starts: one master, one
 * replica and three sentinels that monitor the master as {@value #MASTER_NAME}, by its
 * sentinel nodes.
 * <p>
 * A {@linkplain #failOver() failover} is real: {@code SENTINEL FAILOVER}, after which the
 * replica is the master and the old master its replica. Replication is asynchronous, so a
 * write the old master acknowledged just before the switch may be lost.
 */
public final class RedisSentinel {

	/**
	 * Environment variable holding the sentinel nodes, as
	 * {@code host:port,host:port,host:port}.
	 */
	public static final String NODES_VARIABLE = "TEST_REDIS_SENTINEL_NODES";

	/** The name under which the sentinels monitor the master. */
	public static final String MASTER_NAME = "agentprotocols";

	private final List<String> nodes;

	private RedisSentinel(List<String> nodes) {
		this.nodes = nodes;
	}

	/**
	 * The Sentinel setup that tests fail over; hold it {@linkplain #exclusively()
	 * exclusively} while doing so.
	 * @return the setup, from {@value #NODES_VARIABLE}
	 */
	public static RedisSentinel shared() {
		ExternalServices.requireIntegrationPhase("Redis Sentinel", UsesRedisSentinel.class);
		return new RedisSentinel(nodes(System.getenv()));
	}

	static List<String> nodes(Map<String, String> environment) {
		return RedisServers.fromEnvironment(environment, NODES_VARIABLE,
				"No Redis Sentinel for tests: set " + NODES_VARIABLE
						+ " to its sentinel nodes, such as 127.0.0.1:22003,127.0.0.1:22004,127.0.0.1:22005 (.ci/run"
						+ " starts them with .ci/redis-sentinel, master name " + MASTER_NAME + ", and sets it).");
	}

	/**
	 * The sentinel nodes.
	 * @return the nodes as {@code host:port}
	 */
	public List<String> nodes() {
		return this.nodes;
	}

	/**
	 * The Spring Boot properties that point an application at this setup.
	 * @return {@code spring.data.redis.sentinel.master=...} and
	 * {@code spring.data.redis.sentinel.nodes=...}
	 */
	public List<String> connectionProperties() {
		return List.of("spring.data.redis.sentinel.master=" + MASTER_NAME,
				"spring.data.redis.sentinel.nodes=" + String.join(",", this.nodes));
	}

	/**
	 * The master as the first sentinel reports it now.
	 * @return its {@code host:port}
	 */
	public String master() {
		return master(this.nodes.get(0));
	}

	/**
	 * Fails the master over with {@code SENTINEL FAILOVER} and waits until every sentinel
	 * reports the new master, the new master answers {@code ROLE} as master and the old
	 * one has become its replica with its link up.
	 * @return the new master's {@code host:port}
	 */
	public String failOver() {
		String old = master();
		sentinel(this.nodes.get(0), (sentinel) -> sentinel.failover(MASTER_NAME));
		return RedisCluster.await("sentinel failover of " + old)
			.until(this::master, (promoted) -> !promoted.equals(old) && settled(old, promoted));
	}

	private boolean settled(String old, String promoted) {
		return this.nodes.stream().allMatch((node) -> master(node).equals(promoted)) && "master".equals(role(promoted))
				&& "slave".equals(role(old))
				&& RedisServers.on(old, (redis) -> redis.info("replication")).contains("master_link_status:up");
	}

	/**
	 * Holds this setup for the caller alone, across the build's JVMs, until closed: tests
	 * of several modules run at once and must not fail it over together.
	 * @return the hold, to close when done
	 */
	public AutoCloseable exclusively() {
		return BuildLock.hold("redis-sentinel", this.nodes);
	}

	private static String master(String sentinelNode) {
		InetSocketAddress address = (InetSocketAddress) sentinel(sentinelNode,
				(sentinel) -> sentinel.getMasterAddrByName(MASTER_NAME));
		return address.getHostString() + ":" + address.getPort();
	}

	private static String role(String node) {
		return String.valueOf(RedisServers.on(node, (redis) -> redis.role()).get(0));
	}

	private static <T> T sentinel(String node, Function<RedisSentinelCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create(RedisURI.create("redis://" + node));
		try (StatefulRedisSentinelConnection<String, String> connection = client.connectSentinel()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
