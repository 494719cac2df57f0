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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisSentinel#failOver()} on the real setup: it returns once the replica is the
 * master everywhere, and a write to the new master reaches the old one, now its replica.
 */
@UsesRedisSentinel
class RedisSentinelIT {

	@Test
	void failOverSwapsMasterAndReplica() throws Exception {
		RedisSentinel sentinel = RedisSentinel.shared();
		try (AutoCloseable held = sentinel.exclusively()) {
			String old = sentinel.master();
			String promoted = sentinel.failOver();
			assertThat(promoted).isNotEqualTo(old);
			assertThat(sentinel.master()).isEqualTo(promoted);
			assertThat(RedisServers.on(promoted, (redis) -> redis.role()).get(0)).isEqualTo("master");
			RedisServers.on(promoted, (redis) -> redis.set("sentinel-it", "written"));
			RedisServers.on(promoted, (redis) -> redis.waitForReplication(1, 5000));
			String replicated = RedisServers.on(old, (redis) -> redis.get("sentinel-it"));
			assertThat(replicated).isEqualTo("written");
		}
	}

}
