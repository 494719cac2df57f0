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
 * The short version of the ACP fault driver that CI runs: a few seconds of messages
 * relayed through the cluster for faults, two of its masters failed over. Its database is
 * {@code TEST_PG_R2DBC_URL}'s (a schema of its own); it runs once, with the tests of the
 * Redis Cluster.
 */
@UsesRedisCluster
class AcpUnderFaultsTests {

	@Test
	void everyAcknowledgedMessageReachesBothInstancesClientsOnceThroughFailovers() throws Exception {
		RedisCluster cluster = RedisCluster.forFaults();
		FaultReport report;
		try (AutoCloseable held = cluster.exclusively()) {
			report = AcpUnderFaults.clusterFailovers(cluster, Duration.ofSeconds(9), Duration.ofSeconds(3), 2).run();
		}
		assertDeliveredOnceWithoutLoss(report, 2);
		assertThat(report.answered(503, 503)).as("503 in %s", report).isZero();
	}

	/**
	 * Asserts that a run counted every request, that every request was answered with its
	 * event or {@code 503}, and that every acknowledged message reached both clients
	 * once.
	 */
	static void assertDeliveredOnceWithoutLoss(FaultReport report, int injections) {
		assertThat(report.injections()).isEqualTo(injections);
		assertThat(report.requests()).isEqualTo(report.answered(100, 599) + report.unanswered());
		assertThat(report.acknowledged()).isEqualTo(report.answered(201, 201)).isPositive();
		assertThat(report.answered(500, 502) + report.answered(504, 599)).as("5xx in %s", report).isZero();
		assertThat(report.unanswered()).as("unanswered in %s", report).isZero();
		assertThat(report.lost()).as("lost in %s", report).isZero();
		assertThat(report.duplicated()).as("duplicated in %s", report).isZero();
	}

}
