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

package io.github.agentprotocols.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoundsTests {

	@Test
	void roundsAlternateTheMeasurementsInTheirOrder() throws Exception {
		List<String> measured = new ArrayList<>();
		Rounds.alternate(3, new Measurement("raw", (name) -> record(measured, name, 1)),
				new Measurement("acp", (name) -> record(measured, name, 1)));
		assertThat(measured).containsExactly("raw-round-1", "acp-round-1", "raw-round-2", "acp-round-2", "raw-round-3",
				"acp-round-3");
	}

	@Test
	void mediansComeFirstInMeasurementOrderThenEveryRound() throws Exception {
		Map<String, Double> p50s = Map.of("raw-round-1", 30.0, "raw-round-2", 10.0, "raw-round-3", 20.0, "acp-round-1",
				5.0, "acp-round-2", 7.0, "acp-round-3", 6.0);
		List<LatencyReport> reports = Rounds.alternate(3,
				new Measurement("raw", (name) -> report(name, p50s.get(name))),
				new Measurement("acp", (name) -> report(name, p50s.get(name))));
		assertThat(reports).extracting(LatencyReport::name)
			.containsExactly("raw-median-of-3", "acp-median-of-3", "raw-round-1", "acp-round-1", "raw-round-2",
					"acp-round-2", "raw-round-3", "acp-round-3");
		assertThat(reports).extracting(LatencyReport::p50).startsWith(20.0, 6.0);
	}

	@Test
	void medianTakesEachFigureOnItsOwnAndSumsRequests() {
		LatencyReport median = LatencyReport.median("m",
				List.of(new LatencyReport("a", 10, 1, 1, 10, 300, 400, 500, 2, 90),
						new LatencyReport("b", 20, 0, 3, 30, 100, 600, 700, 4, 70),
						new LatencyReport("c", 30, 2, 2, 20, 200, 500, 600, 3, 80)));
		assertThat(median).isEqualTo(new LatencyReport("m", 60, 3, 2, 20, 200, 500, 600, 3, 80));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		LatencyReport median = LatencyReport.median("m",
				List.of(report("a", 1), report("b", 8), report("c", 4), report("d", 2)));
		assertThat(median.p50()).isEqualTo(3.0);
	}

	@Test
	void medianOfNoRunIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LatencyReport.median("m", List.of()));
	}

	private static LatencyReport record(List<String> measured, String name, double p50) {
		measured.add(name);
		return report(name, p50);
	}

	private static LatencyReport report(String name, double p50) {
		return new LatencyReport(name, 1, 0, p50, p50, p50, p50, p50, p50, 1);
	}

}
