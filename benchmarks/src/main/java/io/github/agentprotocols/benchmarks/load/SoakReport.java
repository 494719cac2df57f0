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

import org.HdrHistogram.Histogram;

/**
 * The outcome of a keep-alive soak: how many requests were answered, left unanswered or
 * failed, how many followed an idle gap longer than each idle timeout, and the latency of
 * the requests answered after the warm-up (microseconds).
 *
 * @param name the scenario name
 * @param requests requests sent, warm-up included
 * @param answered requests answered with a status below 400
 * @param unanswered requests with no answer within the request timeout
 * @param failed requests that failed otherwise (I/O error or a status of 400 or more)
 * @param gapsPastClientKeepAlive requests sent after an idle gap longer than the client's
 * keep-alive timeout
 * @param gapsPastServerIdle requests sent after an idle gap longer than the server's idle
 * timeout
 * @param p50 median latency, µs
 * @param p99 99th percentile, µs
 * @param p999 99.9th percentile, µs
 * @param max highest latency, µs
 * @param seconds length of the run
 */
public record SoakReport(String name, long requests, long answered, long unanswered, long failed,
		long gapsPastClientKeepAlive, long gapsPastServerIdle, double p50, double p99, double p999, double max,
		double seconds) {

	/** Header line matching {@link #toCsv(SoakReport)}. */
	public static final String CSV_HEADER = "scenario,requests,answered,unanswered,failed,gaps_past_client_keepalive,gaps_past_server_idle,p50_us,p99_us,p999_us,max_us,seconds,p50_ratio,p99_ratio";

	static SoakReport of(String name, Histogram nanos, long answeredInWarmup, long unanswered, long failed,
			long gapsPastClientKeepAlive, long gapsPastServerIdle, long elapsedNanos) {
		long answered = answeredInWarmup + nanos.getTotalCount();
		return new SoakReport(name, answered + unanswered + failed, answered, unanswered, failed,
				gapsPastClientKeepAlive, gapsPastServerIdle, nanos.getValueAtPercentile(50) / 1e3,
				nanos.getValueAtPercentile(99) / 1e3, nanos.getValueAtPercentile(99.9) / 1e3, nanos.getMaxValue() / 1e3,
				elapsedNanos / 1e9);
	}

	/**
	 * A scenario's reports as CSV lines, each with its p50 and p99 divided by those of
	 * the first report, the scenario's baseline.
	 * @param reports the reports, baseline first
	 * @return the lines, without line breaks
	 */
	public static List<String> toCsv(List<SoakReport> reports) {
		SoakReport baseline = reports.get(0);
		return reports.stream().map((report) -> report.toCsv(baseline)).toList();
	}

	/**
	 * This report as one CSV line.
	 * @param baseline the report this one is divided by
	 * @return the line, without a line break
	 */
	public String toCsv(SoakReport baseline) {
		return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.3f,%.3f", this.name,
				this.requests, this.answered, this.unanswered, this.failed, this.gapsPastClientKeepAlive,
				this.gapsPastServerIdle, this.p50, this.p99, this.p999, this.max, this.seconds, this.p50 / baseline.p50,
				this.p99 / baseline.p99);
	}

}
