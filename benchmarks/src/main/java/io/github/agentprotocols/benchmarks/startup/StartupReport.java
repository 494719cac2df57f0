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

package io.github.agentprotocols.benchmarks.startup;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application start: how long until it answered and what it holds once started.
 *
 * @param name the run's name
 * @param firstAnswerMillis from starting the process to the first {@code 200} of
 * {@code /actuator/health}, milliseconds
 * @param startedSeconds the time of Spring's {@code Started ... in X seconds} line
 * @param processRunningSeconds the JVM's own up time in the same line
 * @param cpuSeconds processor time the JVM had used (all its threads, user and system) at
 * its first healthy answer: the work of starting, which a loaded machine delays but does
 * not change as much as the elapsed time
 * @param heapUsed heap in use after a full garbage collection, bytes
 * @param metaspaceUsed metaspace in use, bytes
 * @param rss the process's resident set size, bytes
 * @param loadAverage the machine's one-minute load average when the process started
 */
public record StartupReport(String name, double firstAnswerMillis, double startedSeconds, double processRunningSeconds,
		double cpuSeconds, double heapUsed, double metaspaceUsed, double rss, double loadAverage) {

	/** Header line matching {@link #toCsv(StartupReport)}. */
	public static final String CSV_HEADER = "app,first_answer_ms,started_s,process_running_s,cpu_s,heap_used_mb,metaspace_used_mb,rss_mb,load_average,first_answer_ratio,started_ratio,cpu_ratio,heap_ratio,metaspace_ratio,rss_ratio";

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private static final Pattern G1_HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

	private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");

	private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

	/**
	 * The seconds of Spring Boot's {@code Started <app> in X seconds (process running for
	 * Y)} line.
	 * @param log the application's output
	 * @return X and Y, or {@code null} when the line is not there (yet)
	 */
	static double[] started(String log) {
		Matcher matcher = STARTED.matcher(log);
		return matcher.find()
				? new double[] { Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)) } : null;
	}

	/**
	 * Heap in use from {@code jcmd <pid> GC.heap_info} of a G1 JVM.
	 * @param heapInfo the command's output
	 * @return bytes
	 */
	public static long heapUsed(String heapInfo) {
		return kilobytes(G1_HEAP_USED, heapInfo);
	}

	/**
	 * Metaspace in use from {@code jcmd <pid> GC.heap_info}.
	 * @param heapInfo the command's output
	 * @return bytes
	 */
	static long metaspaceUsed(String heapInfo) {
		return kilobytes(METASPACE_USED, heapInfo);
	}

	/**
	 * Resident set size from {@code /proc/<pid>/status}.
	 * @param status the file's content
	 * @return bytes
	 */
	static long rss(String status) {
		return kilobytes(RSS, status);
	}

	/**
	 * Processor time from {@code /proc/<pid>/stat}: its user and system times (fields 14
	 * and 15, after the command name in parentheses).
	 * @param stat the file's content
	 * @param ticksPerSecond the clock ticks per second ({@code getconf CLK_TCK})
	 * @return seconds
	 */
	static double cpuSeconds(String stat, long ticksPerSecond) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) ticksPerSecond;
	}

	private static long kilobytes(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalArgumentException("no match of '" + pattern + "' in: " + text);
		}
		return Long.parseLong(matcher.group(1)) * 1024;
	}

	/**
	 * The median of each figure of the given runs, taken on its own.
	 * @param name the name of the result
	 * @param runs the runs
	 * @return the medians
	 */
	public static StartupReport median(String name, List<StartupReport> runs) {
		if (runs.isEmpty()) {
			throw new IllegalArgumentException("no runs to combine");
		}
		return new StartupReport(name, median(runs, StartupReport::firstAnswerMillis),
				median(runs, StartupReport::startedSeconds), median(runs, StartupReport::processRunningSeconds),
				median(runs, StartupReport::cpuSeconds), median(runs, StartupReport::heapUsed),
				median(runs, StartupReport::metaspaceUsed), median(runs, StartupReport::rss),
				median(runs, StartupReport::loadAverage));
	}

	private static double median(List<StartupReport> runs, ToDoubleFunction<StartupReport> figure) {
		double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * This report as one CSV line, its times and sizes divided by the baseline's.
	 * @param baseline the report this one is divided by
	 * @return the line, without a line break
	 */
	public String toCsv(StartupReport baseline) {
		return String.format(Locale.ROOT, "%s,%.0f,%.3f,%.3f,%.2f,%.1f,%.1f,%.1f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f",
				this.name, this.firstAnswerMillis, this.startedSeconds, this.processRunningSeconds, this.cpuSeconds,
				mb(this.heapUsed), mb(this.metaspaceUsed), mb(this.rss), this.loadAverage,
				this.firstAnswerMillis / baseline.firstAnswerMillis, this.startedSeconds / baseline.startedSeconds,
				this.cpuSeconds / baseline.cpuSeconds, this.heapUsed / baseline.heapUsed,
				this.metaspaceUsed / baseline.metaspaceUsed, this.rss / baseline.rss);
	}

	/**
	 * Reports as CSV lines, each divided by the first, the baseline.
	 * @param reports the reports, baseline first
	 * @return the lines, without line breaks
	 */
	public static List<String> toCsv(List<StartupReport> reports) {
		StartupReport baseline = reports.get(0);
		return reports.stream().map((report) -> report.toCsv(baseline)).toList();
	}

	private static double mb(double bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
