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

import java.util.List;

import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedisSentinel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's failover contract on Redis Sentinel ({@code spring.data.redis.sentinel.*}):
 * {@code SENTINEL FAILOVER} of the master both relays subscribe on, which then becomes a
 * replica of the promoted one and drops its clients.
 */
@UsesRedisSentinel
@UsesPostgres
class RedisSentinelFailoverTests extends RelayFailoverContractTests {

	private final RedisSentinel sentinel = RedisSentinel.shared();

	@Override
	AutoCloseable exclusively() {
		return this.sentinel.exclusively();
	}

	@Override
	List<String> connectionProperties() {
		return this.sentinel.connectionProperties();
	}

	@Override
	Disruption disrupt() {
		long start = System.nanoTime();
		String old = this.sentinel.master();
		String clients = RedisServers.on(old, (redis) -> redis.clientList());
		assertThat(clients).as("both relays subscribed on the master")
			.contains("name=" + this.clientNameOfA)
			.contains("name=" + this.clientNameOfB);
		String promoted = this.sentinel.failOver();
		return new Disruption("failed " + old + " over to " + promoted, seconds(System.nanoTime() - start));
	}

}
