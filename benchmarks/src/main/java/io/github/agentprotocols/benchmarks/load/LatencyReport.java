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

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;

/**
 * The outcome of a load run: successful request latencies (microseconds), errors and
 * throughput.
 *
 * @param name the scenario name
 * @param succeeded requests answered successfully
 * @param failed requests that failed
 * @param p50 median latency, µs
 * @param p90 90th percentile, µs
 * @param p99 99th percentile, µs
 * @param p999 99.9th percentile, µs
 * @param max highest latency, µs
 * @param mean mean latency, µs
 * @param throughput successful requests per second over the whole run
 */
public record LatencyReport(String name, long succeeded, long failed, double p50, double p90, double p99, double p999,
		double max, double mean, double throughput) {

	/** Header line matching {@link #toCsv()}. */
	public static final String CSV_HEADER = "scenario,succeeded,failed,p50_us,p90_us,p99_us,p999_us,max_us,mean_us,throughput_per_s,p50_ratio,p99_ratio,throughput_ratio";

	/**
	 * The report of a run whose latencies were recorded in nanoseconds.
	 * @param name the scenario name
	 * @param nanos the latencies of the successful requests, ns
	 * @param failed how many requests failed
	 * @param elapsedNanos how long the run took, ns
	 * @return the report
	 */
	public static LatencyReport of(String name, Histogram nanos, long failed, long elapsedNanos) {
		long succeeded = nanos.getTotalCount();
		double seconds = elapsedNanos / 1e9;
		return new LatencyReport(name, succeeded, failed, micros(nanos.getValueAtPercentile(50)),
				micros(nanos.getValueAtPercentile(90)), micros(nanos.getValueAtPercentile(99)),
				micros(nanos.getValueAtPercentile(99.9)), micros(nanos.getMaxValue()), nanos.getMean() / 1e3,
				(seconds > 0) ? succeeded / seconds : 0);
	}

	/**
	 * The median of several runs of one scenario, figure by figure: each percentile, the
	 * mean and the throughput are the medians of the runs' own (the mean of the middle
	 * two for an even count); requests are summed.
	 * @param name the name of the combined report
	 * @param runs the runs, at least one
	 * @return the combined report
	 */
	public static LatencyReport median(String name, List<LatencyReport> runs) {
		if (runs.isEmpty()) {
			throw new IllegalArgumentException("no runs to combine");
		}
		return new LatencyReport(name, runs.stream().mapToLong(LatencyReport::succeeded).sum(),
				runs.stream().mapToLong(LatencyReport::failed).sum(), median(runs, LatencyReport::p50),
				median(runs, LatencyReport::p90), median(runs, LatencyReport::p99), median(runs, LatencyReport::p999),
				median(runs, LatencyReport::max), median(runs, LatencyReport::mean),
				median(runs, LatencyReport::throughput));
	}

	private static double median(List<LatencyReport> runs, ToDoubleFunction<LatencyReport> figure) {
		double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double micros(long nanos) {
		return nanos / 1e3;
	}

	/**
	 * A scenario's reports as CSV lines, each with its p50, p99 and throughput divided by
	 * those of the first report, the scenario's baseline.
	 * @param reports the reports, baseline first
	 * @return the lines, without line breaks
	 */
	public static List<String> toCsv(List<LatencyReport> reports) {
		LatencyReport baseline = reports.get(0);
		return reports.stream().map((report) -> report.toCsv(baseline)).toList();
	}

	/**
	 * This report as one CSV line.
	 * @param baseline the report this one is divided by
	 * @return the line, without a line break
	 */
	public String toCsv(LatencyReport baseline) {
		return String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.3f,%.3f,%.3f", this.name,
				this.succeeded, this.failed, this.p50, this.p90, this.p99, this.p999, this.max, this.mean,
				this.throughput, this.p50 / baseline.p50, this.p99 / baseline.p99,
				this.throughput / baseline.throughput);
	}

}
