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

package io.github.agentprotocols.lime.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Commands run on each server of the test Redis one by one: the stand-alone server, or
 * every node (masters and replicas) of the cluster. For what a server only knows of
 * itself: its clients, its subscribers, the keys it holds.
 */
final class RedisNodes {

	private RedisNodes() {
	}

	/**
	 * The addresses ({@code host:port}) of the servers of this JVM's topology.
	 * @return the addresses
	 */
	static List<String> addresses() {
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			return RedisCluster.shared().nodes();
		}
		return List.of(RedisFixture.url().getHost() + ":" + RedisFixture.url().getPort());
	}

	/**
	 * Run commands on each server.
	 * @param <T> the result type
	 * @param commands what to run
	 * @return what each server answered, in the order of {@link #addresses()}
	 */
	static <T> List<T> each(Function<RedisCommands<String, String>, T> commands) {
		List<T> answers = new ArrayList<>();
		for (String address : addresses()) {
			answers.add(on(address, commands));
		}
		return answers;
	}

	/**
	 * Run commands on one server.
	 * @param <T> the result type
	 * @param address the server's {@code host:port}
	 * @param commands what to run
	 * @return what it answered
	 */
	static <T> T on(String address, Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create("redis://" + address);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * How many connections subscribe to a channel, over every server (each counts only
	 * its own subscribers).
	 * @param channel the channel
	 * @return the subscribers
	 */
	static long subscribers(String channel) {
		return each((redis) -> redis.pubsubNumsub(channel).getOrDefault(channel, 0L)).stream()
			.mapToLong(Long::longValue)
			.sum();
	}

	/**
	 * Close, on every server, the connections of a client name.
	 * @param name the connections' client name
	 * @return how many connections were closed
	 */
	static int killClients(String name) {
		return each((redis) -> {
			int killed = 0;
			for (String client : redis.clientList().split("\n")) {
				Map<String, String> fields = new HashMap<>();
				for (String field : client.trim().split(" ")) {
					int equals = field.indexOf('=');
					if (equals > 0) {
						fields.put(field.substring(0, equals), field.substring(equals + 1));
					}
				}
				if (name.equals(fields.get("name"))) {
					redis.clientKill(KillArgs.Builder.id(Long.parseLong(fields.get("id"))));
					killed++;
				}
			}
			return killed;
		}).stream().mapToInt(Integer::intValue).sum();
	}

}
