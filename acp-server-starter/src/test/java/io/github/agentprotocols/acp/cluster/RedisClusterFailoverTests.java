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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.github.agentprotocols.testsupport.UsesRedisCluster;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's failover contract on this JVM's Redis topology. On a Redis Cluster: a
 * {@code CLUSTER FAILOVER} of every master, one after the other, each waited for until
 * its replica is master in every node's view and every node reports
 * {@code cluster_state:ok}, which leaves three masters with a replica each; so the node
 * each relay subscribed on (found by the instances' client names) changes role whichever
 * it was. It runs on the cluster for faults, held alone, so that no other test class
 * meets the failovers. A stand-alone Redis has no replica to fail over to: there the test
 * runs its counterpart, the server dropping both relays' subscriber connections
 * ({@code CLIENT KILL}).
 */
@UsesRedis
@UsesRedisCluster
@UsesPostgres
class RedisClusterFailoverTests extends RelayFailoverContractTests {

	private final @Nullable RedisCluster cluster = (RedisFixture.topology() == RedisTopology.CLUSTER)
			? RedisCluster.forFaults() : null;

	@Override
	@Nullable AutoCloseable exclusively() {
		if (this.cluster == null) {
			return null;
		}
		AutoCloseable hold = this.cluster.exclusively();
		this.cluster.awaitHealthy();
		return hold;
	}

	@Override
	List<String> connectionProperties() {
		return List.of((this.cluster != null) ? this.cluster.connectionProperty() : RedisFixture.connectionProperty());
	}

	@Override
	Disruption disrupt() {
		long start = System.nanoTime();
		if (this.cluster != null) {
			RedisServers nodes = RedisServers.of(this.cluster);
			List<String> subscribed = Stream.of(this.clientNameOfA, this.clientNameOfB)
				.flatMap((name) -> nodes.subscribedBy(name).stream())
				.toList();
			assertThat(subscribed).as("one subscription per relay").hasSize(2);
			List<String> failovers = new ArrayList<>();
			for (String master : this.cluster.masters()) {
				failovers.add(master + " to " + this.cluster.failOver(master));
			}
			return new Disruption("failed over " + failovers + " (subscriptions on " + subscribed + ")",
					seconds(System.nanoTime() - start));
		}
		RedisServers server = RedisServers.ofTopology();
		assertThat(server.killSubscribers(this.clientNameOfA) + server.killSubscribers(this.clientNameOfB))
			.as("one subscription per relay")
			.isEqualTo(2);
		return new Disruption("killed both subscriber connections", seconds(System.nanoTime() - start));
	}

	@Override
	void awaitHealthy() {
		if (this.cluster != null) {
			this.cluster.awaitHealthy();
		}
	}

}
