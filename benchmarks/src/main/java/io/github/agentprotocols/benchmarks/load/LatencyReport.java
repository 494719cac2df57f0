package io.github.agentprotocols.benchmarks.load;

import java.util.Locale;

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
	public static final String CSV_HEADER = "scenario,succeeded,failed,p50_us,p90_us,p99_us,p999_us,max_us,mean_us,throughput_per_s";

	static LatencyReport of(String name, Histogram nanos, long failed, long elapsedNanos) {
		long succeeded = nanos.getTotalCount();
		double seconds = elapsedNanos / 1e9;
		return new LatencyReport(name, succeeded, failed, micros(nanos.getValueAtPercentile(50)),
				micros(nanos.getValueAtPercentile(90)), micros(nanos.getValueAtPercentile(99)),
				micros(nanos.getValueAtPercentile(99.9)), micros(nanos.getMaxValue()), nanos.getMean() / 1e3,
				(seconds > 0) ? succeeded / seconds : 0);
	}

	private static double micros(long nanos) {
		return nanos / 1e3;
	}

	/**
	 * This report as one CSV line.
	 * @return the line, without a line break
	 */
	public String toCsv() {
		return String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", this.name, this.succeeded,
				this.failed, this.p50, this.p90, this.p99, this.p999, this.max, this.mean, this.throughput);
	}

}
