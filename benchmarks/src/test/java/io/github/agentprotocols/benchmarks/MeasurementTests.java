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
