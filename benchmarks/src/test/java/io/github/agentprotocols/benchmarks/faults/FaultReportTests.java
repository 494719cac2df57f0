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

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FaultReport}.
 */
class FaultReportTests {

	@Test
	void csvLineHasAValueForEveryColumnAndCountsAnswersByClass() {
		FaultReport report = new FaultReport("acp", "cluster-failover", 3, 12.34,
				Map.of(201, 90L, 503, 4L, 404, 1L, 500, 2L, 504, 1L), 5, 90, 1, 2, 1500, 380);
		assertThat(report.requests()).isEqualTo(103);
		assertThat(report.toCsv()).isEqualTo("acp,cluster-failover,3,12.3,103,90,4,1,3,5,90,1,2,1500,380");
		assertThat(report.toCsv().split(",", -1)).hasSameSizeAs(FaultReport.CSV_HEADER.split(","));
	}

	@Test
	void duplicatesAreLeftEmptyWhereTheLoadCannotTellThem() {
		FaultReport report = new FaultReport("hpp", "cluster-failover", 1, 1, Map.of(200, 1L), 0, 1, 0, -1, 1, 1);
		assertThat(report.toCsv()).isEqualTo("hpp,cluster-failover,1,1.0,1,1,0,0,0,0,1,0,,1,1");
	}

}
