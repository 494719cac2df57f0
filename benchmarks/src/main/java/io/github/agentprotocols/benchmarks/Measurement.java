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

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One benchmark's score, with its ratio to the baseline of its class: the benchmark
 * method named {@value #BASELINE} in the same class, measured in the same run.
 *
 * @param benchmark the fully qualified benchmark method name
 * @param mode the JMH mode
 * @param score the score
 * @param error the score's error margin
 * @param unit the score's unit
 * @param ratio the score divided by the baseline's score, or {@code null} when the class
 * has no baseline
 */
public record Measurement(String benchmark, String mode, double score, double error, String unit, Double ratio) {

	/** Name of the baseline benchmark method in a benchmark class. */
	public static final String BASELINE = "baseline";

	/** Header line matching {@link #toCsv()}. */
	public static final String CSV_HEADER = "benchmark,mode,score,error,unit,ratio_to_baseline";

	/**
	 * Attach to each measurement its ratio to its class's baseline (same mode).
	 * @param measurements raw measurements, ratios ignored
	 * @return the measurements with ratios
	 */
	public static List<Measurement> withRatios(Collection<Measurement> measurements) {
		Map<String, Measurement> baselines = measurements.stream()
			.filter((measurement) -> measurement.method().equals(BASELINE))
			.collect(Collectors.toMap(Measurement::baselineKey, Function.identity(), (first, second) -> first));
		return measurements.stream()
			.map((measurement) -> measurement.withRatio(Optional.ofNullable(baselines.get(measurement.baselineKey()))
				.map((baseline) -> measurement.score / baseline.score)
				.orElse(null)))
			.toList();
	}

	private Measurement withRatio(Double ratio) {
		return new Measurement(this.benchmark, this.mode, this.score, this.error, this.unit, ratio);
	}

	private String method() {
		return this.benchmark.substring(this.benchmark.lastIndexOf('.') + 1);
	}

	private String baselineKey() {
		return this.benchmark.substring(0, this.benchmark.lastIndexOf('.')) + "/" + this.mode;
	}

	/**
	 * This measurement as one CSV line.
	 * @return the line, without a line break
	 */
	public String toCsv() {
		return String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%s,%s", this.benchmark, this.mode, this.score, this.error,
				this.unit, (this.ratio != null) ? String.format(Locale.ROOT, "%.3f", this.ratio) : "");
	}

}
