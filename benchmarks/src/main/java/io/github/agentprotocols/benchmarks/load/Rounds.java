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

/**
 * Measures a baseline and the figures divided by it in alternating rounds (baseline,
 * figure, …, baseline, figure, …), so that a shared machine whose load changes during the
 * run weighs on all of them alike, and combines each one's rounds into its
 * {@link LatencyReport#median median}.
 */
public final class Rounds {

	/** System property overriding the number of rounds. */
	public static final String ROUNDS_PROPERTY = "bench.rounds";

	private static final int DEFAULT_ROUNDS = 5;

	private Rounds() {
	}

	/**
	 * The number of rounds: {@value #ROUNDS_PROPERTY}, else 5.
	 * @return the number of rounds
	 */
	public static int count() {
		return Integer.getInteger(ROUNDS_PROPERTY, DEFAULT_ROUNDS);
	}

	/**
	 * Run {@code count} rounds of the given measurements, each round in the given order.
	 * @param count how many rounds
	 * @param measurements the measurements, the baseline first
	 * @return the median of each measurement, in the given order, named
	 * {@code <name>-median-of-<count>}; then every round's report, named
	 * {@code <name>-round-<n>}
	 * @throws Exception if a measurement fails
	 */
	public static List<LatencyReport> alternate(int count, Measurement... measurements) throws Exception {
		List<List<LatencyReport>> byMeasurement = new ArrayList<>();
		for (int i = 0; i < measurements.length; i++) {
			byMeasurement.add(new ArrayList<>());
		}
		List<LatencyReport> all = new ArrayList<>();
		for (int round = 1; round <= count; round++) {
			for (int i = 0; i < measurements.length; i++) {
				LatencyReport report = measurements[i].measure().measure(measurements[i].name() + "-round-" + round);
				byMeasurement.get(i).add(report);
				all.add(report);
			}
		}
		List<LatencyReport> reports = new ArrayList<>();
		for (int i = 0; i < measurements.length; i++) {
			reports.add(LatencyReport.median(measurements[i].name() + "-median-of-" + count, byMeasurement.get(i)));
		}
		reports.addAll(all);
		return reports;
	}

	/**
	 * One measurement of a round.
	 *
	 * @param name the measurement's name
	 * @param measure measures one round
	 */
	public record Measurement(String name, Measure measure) {

	}

	/**
	 * Measures one round.
	 */
	@FunctionalInterface
	public interface Measure {

		/**
		 * Measure one round.
		 * @param name the name of the round's report
		 * @return the report
		 * @throws Exception if the measurement fails
		 */
		LatencyReport measure(String name) throws Exception;

	}

}
