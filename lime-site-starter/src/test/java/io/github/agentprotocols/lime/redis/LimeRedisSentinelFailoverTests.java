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
import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.UsesRedisSentinel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The failover contract on Redis Sentinel ({@code spring.data.redis.sentinel.*}) whose
 * master fails over to its replica ({@code SENTINEL FAILOVER}). Replication is
 * asynchronous, so a write the old master acknowledged just before the switch may be
 * lost: no outcome is lost (the stream resumes from the position the new master holds and
 * the LIME API replays), one may be handled again, and a login request created in the
 * switch may be forgotten (its browser gets no outcome); the requests pending before the
 * failover all survive. The test logs how many were handled again or forgotten.
 */
@UsesRedisSentinel
class LimeRedisSentinelFailoverTests extends LimeRedisFailoverContractTests {

	private static final Log logger = LogFactory.getLog(LimeRedisSentinelFailoverTests.class);

	private final RedisSentinel sentinel = RedisSentinel.shared();

	@Override
	AutoCloseable exclusively() {
		return this.sentinel.exclusively();
	}

	@Override
	ClusterInstances instances(FakeLimeApi fake, Duration lease) {
		return new ClusterInstances(fake, lease, this.sentinel);
	}

	@Override
	void failOver(Supplier<String> progress) {
		String old = this.sentinel.master();
		long failingOver = System.nanoTime();
		String promoted = this.sentinel.failOver();
		logger.info("Failed over " + old + " to " + promoted + " in " + millisSince(failingOver) + " ms; "
				+ progress.get());
	}

	@Override
	long subscribers(String channel) {
		return RedisServers.on(this.sentinel.master(),
				(redis) -> redis.pubsubNumsub(channel).getOrDefault(channel, 0L));
	}

	@Override
	boolean keepsAcknowledgedWrites() {
		return false;
	}

}
