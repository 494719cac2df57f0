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

import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.UsesRedisCluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of the fault driver that CI runs: a few seconds of HPP load on the
 * cluster for faults, two of its masters failed over.
 */
@UsesRedisCluster
class HppUnderFaultsTests {

	@Test
	void countsEveryRequestAndEveryAcknowledgedWriteThroughFailovers() throws Exception {
		RedisCluster cluster = RedisCluster.forFaults();
		FaultReport report;
		try (AutoCloseable held = cluster.exclusively()) {
			report = HppUnderFaults.clusterFailovers(cluster, Duration.ofSeconds(9), Duration.ofSeconds(3), 2).run();
		}
		assertCountedWithoutLoss(report, 2);
		assertThat(report.toCsv()).startsWith("hpp-redis-cluster,cluster-failover,2,");
	}

	/**
	 * Asserts that a run counted every request, and that every request was answered with
	 * its result or {@code 503} and no acknowledged write was lost.
	 */
	static void assertCountedWithoutLoss(FaultReport report, int injections) {
		assertThat(report.injections()).isEqualTo(injections);
		assertThat(report.requests()).isEqualTo(report.answered(100, 599) + report.unanswered()).isPositive();
		assertThat(report.answered(200, 299)).isPositive();
		assertThat(report.acknowledged()).as("one last acknowledged write per agent").isEqualTo(12);
		assertThat(report.answered(500, 502) + report.answered(504, 599)).as("5xx in %s", report).isZero();
		assertThat(report.unanswered()).as("unanswered in %s", report).isZero();
		assertThat(report.lost()).as("lost in %s", report).isZero();
	}

}
