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

import java.time.Duration;

import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.UsesRedisSentinel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of the fault driver on Redis Sentinel that CI runs: HPP load on the
 * Sentinel setup ({@code TEST_REDIS_SENTINEL_NODES}) through one
 * {@code SENTINEL FAILOVER} (a switch takes about 11 s to settle).
 */
@UsesRedisSentinel
class HppUnderSentinelFailoversTests {

	@Test
	void countsEveryRequestAndEveryAcknowledgedWriteThroughAFailover() throws Exception {
		RedisSentinel sentinel = RedisSentinel.shared();
		FaultReport report;
		try (AutoCloseable held = sentinel.exclusively()) {
			report = HppUnderFaults.sentinelFailovers(sentinel, Duration.ZERO, Duration.ofSeconds(1), 1).run();
		}
		HppUnderFaultsTests.assertCountedWithoutLoss(report, 1);
		assertThat(report.toCsv()).startsWith("hpp-redis-sentinel,sentinel-failover,1,");
	}

}
