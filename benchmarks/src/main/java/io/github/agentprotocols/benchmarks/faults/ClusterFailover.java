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

package io.github.agentprotocols.benchmarks.faults;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.testsupport.RedisCluster;

/**
 * A planned failover of one master of a Redis Cluster ({@code CLUSTER FAILOVER} on its
 * replica), each injection the next master in turn.
 */
public final class ClusterFailover implements Fault {

	private final RedisCluster cluster;

	private final AtomicInteger next = new AtomicInteger();

	/**
	 * A failover of the cluster's masters in turn.
	 * @param cluster the cluster, held by the caller for faults
	 */
	public ClusterFailover(RedisCluster cluster) {
		this.cluster = cluster;
	}

	@Override
	public String name() {
		return "cluster-failover";
	}

	@Override
	public void inject() {
		this.cluster.awaitHealthy();
		List<String> masters = this.cluster.masters();
		this.cluster.failOver(masters.get(Math.floorMod(this.next.getAndIncrement(), masters.size())));
	}

}
