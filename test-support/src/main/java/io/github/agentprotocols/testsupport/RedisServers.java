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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The servers of a test Redis one by one: a stand-alone server, or each node of a Redis
 * Cluster. What a cluster keeps per node (the clients, their pub/sub subscriptions) is
 * found and changed on the node that holds it.
 */
public final class RedisServers {

	private final List<String> addresses;

	private RedisServers(List<String> addresses) {
		this.addresses = addresses;
	}

	/**
	 * The servers of this JVM's {@linkplain RedisFixture#topology() topology}.
	 * @return the stand-alone server, or every node of the shared cluster
	 */
	public static RedisServers ofTopology() {
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			return of(RedisCluster.shared());
		}
		return new RedisServers(List.of(RedisFixture.url().getAuthority()));
	}

	/**
	 * The nodes of a cluster.
	 * @param cluster the cluster
	 * @return its nodes
	 */
	public static RedisServers of(RedisCluster cluster) {
		return new RedisServers(cluster.nodes());
	}

	/**
	 * The nodes that an environment variable lists.
	 * @param environment the environment
	 * @param variable the variable, holding {@code host:port,host:port,...}
	 * @param whenMissing the message when the variable is missing or blank
	 * @return the nodes as {@code host:port}
	 */
	static List<String> fromEnvironment(Map<String, String> environment, String variable, String whenMissing) {
		String nodes = environment.get(variable);
		if (nodes == null || nodes.isBlank()) {
			throw new IllegalStateException(whenMissing);
		}
		return Arrays.stream(nodes.split(",")).map(String::trim).filter((node) -> !node.isEmpty()).toList();
	}

	/**
	 * The servers' addresses.
	 * @return each as {@code host:port}
	 */
	public List<String> addresses() {
		return this.addresses;
	}

	/**
	 * Run commands on each server.
	 * @param <T> the result type
	 * @param commands what to run
	 * @return what each server answered, in the order of {@link #addresses()}
	 */
	public <T> List<T> each(Function<RedisCommands<String, String>, T> commands) {
		List<T> answers = new ArrayList<>();
		for (String address : this.addresses) {
			answers.add(on(address, commands));
		}
		return answers;
	}

	/**
	 * Run commands on one server, over a connection of their own.
	 * @param <T> the result type
	 * @param address the server's {@code host:port}
	 * @param commands what to run
	 * @return what it answered
	 */
	public static <T> T on(String address, Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create(RedisURI.create("redis://" + address));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	/**
	 * How many connections subscribe to a channel, over every server (each counts only
	 * its own subscribers).
	 * @param channel the channel
	 * @return the subscribers
	 */
	public long subscribers(String channel) {
		return each((redis) -> redis.pubsubNumsub(channel).getOrDefault(channel, 0L)).stream()
			.mapToLong(Long::longValue)
			.sum();
	}

	/**
	 * The servers on which a client, by its name, has a pub/sub connection.
	 * @param clientName the {@code spring.data.redis.client-name} of an application
	 * @return the servers as {@code host:port}, each once per such connection
	 */
	public List<String> subscribedBy(String clientName) {
		return this.addresses.stream()
			.flatMap((address) -> clientIds(address, clientName, true).stream().map((id) -> address))
			.toList();
	}

	/**
	 * The servers on which a client, by its name, has a connection whose last command was
	 * the given one ({@code CLIENT LIST}'s {@code cmd}).
	 * @param clientName the {@code spring.data.redis.client-name} of an application
	 * @param command the command, in lower case, such as {@code publish}
	 * @return the servers as {@code host:port}, each once per such connection
	 */
	public List<String> lastCommandBy(String clientName, String command) {
		return this.addresses.stream()
			.flatMap((address) -> on(address, (redis) -> redis.clientList()
				.lines()
				.filter((line) -> line.contains(" name=" + clientName + " ") && line.contains(" cmd=" + command + " "))
				.map((line) -> address)
				.toList()).stream())
			.toList();
	}

	/**
	 * Closes, with {@code CLIENT KILL ID} on the server that holds it, every connection
	 * of a client name.
	 * @param clientName the connections' client name
	 * @return how many connections were closed
	 */
	public long killClients(String clientName) {
		return kill(clientName, false);
	}

	/**
	 * Closes every pub/sub connection of a client name, as {@link #killClients} does.
	 * @param clientName the {@code spring.data.redis.client-name} of an application
	 * @return how many connections were closed
	 */
	public long killSubscribers(String clientName) {
		return kill(clientName, true);
	}

	private long kill(String clientName, boolean subscribersOnly) {
		long killed = 0;
		for (String address : this.addresses) {
			for (long id : clientIds(address, clientName, subscribersOnly)) {
				killed += on(address, (redis) -> redis.clientKill(KillArgs.Builder.id(id)));
			}
		}
		return killed;
	}

	private static List<Long> clientIds(String address, String clientName, boolean subscribersOnly) {
		return on(address,
				(redis) -> redis.clientList()
					.lines()
					.filter((line) -> line.contains(" name=" + clientName + " "))
					.filter((line) -> !subscribersOnly || line.matches(".* flags=\\w*P.*"))
					.map((line) -> Long.parseLong(line.substring(3, line.indexOf(' '))))
					.toList());
	}

}
