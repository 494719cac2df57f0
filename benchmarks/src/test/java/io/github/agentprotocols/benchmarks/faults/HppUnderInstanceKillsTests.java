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

import io.github.agentprotocols.testsupport.RedisServerProcess;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of the fault driver with an instance killed that CI runs: HPP load on
 * a Redis of the test's own while the second instance, a JVM of its own, is killed with
 * {@code SIGKILL} once and started again. The requests sent to it while it is down go
 * unanswered; every acknowledged write is kept.
 */
@UsesRedisProcess
class HppUnderInstanceKillsTests {

	@Test
	void countsEveryRequestAndKeepsEveryAcknowledgedWriteThroughAKill() throws Exception {
		FaultReport report;
		try (RedisServerProcess redis = RedisServerProcess.start()) {
			report = HppUnderFaults.instanceKills(redis, Duration.ZERO, Duration.ofSeconds(1), 1).run();
		}
		assertThat(report.injections()).isEqualTo(1);
		assertThat(report.requests()).isEqualTo(report.answered(100, 599) + report.unanswered()).isPositive();
		assertThat(report.acknowledged()).as("one last acknowledged write per agent").isEqualTo(12);
		assertThat(report.answered(500, 599)).as("5xx in %s", report).isZero();
		assertThat(report.lost()).as("lost in %s", report).isZero();
		assertThat(report.toCsv()).startsWith("hpp-redis-standalone,instance-kill,1,");
	}

}
