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

import java.time.Duration;
import java.util.function.Supplier;

import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedisCluster;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The failover contract on a Redis Cluster whose three masters, one after the other, fail
 * over to their replicas ({@code CLUSTER FAILOVER}): the claims survive, since a manual
 * failover waits until the replica has every write its master acknowledged, so each
 * outcome is handled exactly once.
 */
@SpecItem("LIME-8.7")
@UsesRedisCluster
class LimeRedisClusterFailoverTests extends LimeRedisFailoverContractTests {

	private static final Log logger = LogFactory.getLog(LimeRedisClusterFailoverTests.class);

	private final RedisCluster cluster = RedisCluster.forFaults();

	@Override
	AutoCloseable exclusively() {
		return this.cluster.exclusively();
	}

	@Override
	ClusterInstances instances(FakeLimeApi fake, Duration lease) {
		return new ClusterInstances(fake, lease, this.cluster);
	}

	@Override
	void failOver(Supplier<String> progress) {
		for (String master : this.cluster.masters()) {
			long failingOver = System.nanoTime();
			String promoted = this.cluster.failOver(master);
			logger.info("Failed over " + master + " to " + promoted + " in " + millisSince(failingOver) + " ms; "
					+ progress.get());
		}
	}

	@Override
	long subscribers(String channel) {
		return RedisServers.of(this.cluster).subscribers(channel);
	}

	@Override
	boolean keepsAcknowledgedWrites() {
		return true;
	}

}
