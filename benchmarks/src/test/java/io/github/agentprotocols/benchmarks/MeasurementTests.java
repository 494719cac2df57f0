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

package io.github.agentprotocols.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurementTests {

	@Test
	void ratioIsScoreOverBaselineOfSameClassAndMode() {
		List<Measurement> measured = Measurement.withRatios(List.of(measurement("a.HppBench.baseline", "thrpt", 1000),
				measurement("a.HppBench.context", "thrpt", 600), measurement("a.HppBench.context", "avgt", 5),
				measurement("a.Other.parse", "thrpt", 10)));
		assertThat(measured).extracting(Measurement::ratio).containsExactly(1.0, 0.6, null, null);
	}

	@Test
	void csvLeavesRatioEmptyWithoutBaseline() {
		assertThat(measurement("a.Other.parse", "thrpt", 10).toCsv())
			.isEqualTo("a.Other.parse,thrpt,10.000,0.500,ops/s,");
	}

	private static Measurement measurement(String name, String mode, double score) {
		return new Measurement(name, mode, score, 0.5, "ops/s", null);
	}

}
