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

import io.github.agentprotocols.testsupport.RedisSentinel;

/**
 * A planned failover of the master of a Redis Sentinel setup ({@code SENTINEL FAILOVER}),
 * settled when every sentinel reports the new master and the old one replicates from it.
 */
public final class SentinelFailover implements Fault {

	private final RedisSentinel sentinel;

	/**
	 * A failover of the setup's master as the sentinels report it at each injection.
	 * @param sentinel the setup, held by the caller for faults
	 */
	public SentinelFailover(RedisSentinel sentinel) {
		this.sentinel = sentinel;
	}

	@Override
	public String name() {
		return "sentinel-failover";
	}

	@Override
	public void inject() {
		this.sentinel.failOver();
	}

}
