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

package io.github.agentprotocols.commons.redis;

import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.NamedNode;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;

/**
 * Asks the sentinels at start-up for the master the application names
 * ({@code spring.data.redis.sentinel.master}), before the starters start their background
 * work, and fails the start-up with a {@link RedisSentinelException} when no sentinel of
 * {@code spring.data.redis.sentinel.nodes} answers or none monitors that master: the
 * application could reach no Redis at all, and would otherwise look started while the
 * starters retried for ever.
 */
public class RedisSentinelCheck implements SmartInitializingSingleton {

	static final String MASTER = "spring.data.redis.sentinel.master";

	static final String NODES = "spring.data.redis.sentinel.nodes";

	private final ObjectProvider<RedisConnectionFactory> connectionFactory;

	private final Environment environment;

	/**
	 * Creates a check.
	 * @param connectionFactory the application's Redis connection factory, if any
	 * @param environment where Spring Boot's {@code spring.data.redis.*} properties are
	 */
	public RedisSentinelCheck(ObjectProvider<RedisConnectionFactory> connectionFactory, Environment environment) {
		this.connectionFactory = connectionFactory;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String master = this.environment.getProperty(MASTER);
		RedisConnectionFactory factory = this.connectionFactory.getIfUnique();
		if (master == null || factory == null) {
			return;
		}
		String nodes = this.environment.getProperty(NODES, "");
		List<String> monitored;
		try (RedisSentinelConnection sentinel = factory.getSentinelConnection()) {
			Collection<? extends NamedNode> masters = sentinel.masters();
			monitored = masters.stream().map(NamedNode::getName).toList();
		}
		catch (Exception ex) {
			throw new RedisSentinelException(NODES, "No sentinel at " + nodes + " answered: " + ex.getMessage(), ex);
		}
		if (!monitored.contains(master)) {
			throw new RedisSentinelException(MASTER, "The sentinels at " + nodes + " monitor no master named '" + master
					+ "' (they monitor " + (monitored.isEmpty() ? "none" : String.join(", ", monitored)) + ")", null);
		}
	}

}
