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

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * The processor time of this JVM per request of each round, in all and by the threads
 * that spent it (groups of threads named by their prefix: client callers, the JDK HTTP
 * client, Netty's event loops, …), the bytes its Java threads allocated per request and
 * the time its JIT compilers spent per request (their threads are not among the named
 * ones), written to {@code cpu-<scenario>-<stamp>.csv}. Client and server share the JVM,
 * so the total is the whole round trip's cost, which other processes on a shared machine
 * delay but do not add to.
 */
public final class ProcessorTimePerRequest {

	private final OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private final ThreadMXBean allThreads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();

	private final Map<String, ThreadCpu> threads = new LinkedHashMap<>();

	private final List<String> rows = new ArrayList<>();

	/**
	 * A meter of these groups of threads.
	 * @param groups each group's name in the CSV and the start of its threads' names, in
	 * the CSV's order
	 */
	public ProcessorTimePerRequest(Map<String, String> groups) {
		groups.forEach((name, prefix) -> this.threads.put(name, new ThreadCpu(prefix)));
	}

	/**
	 * A meter of these groups of threads.
	 * @param namesAndPrefixes each group's name in the CSV followed by the start of its
	 * threads' names, in the CSV's order
	 * @return the meter
	 */
	public static ProcessorTimePerRequest of(String... namesAndPrefixes) {
		Map<String, String> groups = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndPrefixes.length; i += 2) {
			groups.put(namesAndPrefixes[i], namesAndPrefixes[i + 1]);
		}
		return new ProcessorTimePerRequest(groups);
	}

	/**
	 * Measures rounds metered by this meter, then {@linkplain #write writes} them.
	 * @param scenario the scenario's name, in the file's name
	 * @param rounds the rounds
	 * @return the rounds' reports
	 * @throws Exception if the rounds fail or the file cannot be written
	 */
	public List<LatencyReport> measureAndWrite(String scenario, MeteredRounds rounds) throws Exception {
		List<LatencyReport> reports = rounds.measure(this);
		write(scenario);
		return reports;
	}

	/**
	 * Measures each round of {@code measure} and records its processor time per request.
	 * @param measure the measurement
	 * @return the metered measurement
	 */
	public Rounds.Measure metered(Rounds.Measure measure) {
		return (round) -> {
			long[] before = snapshot();
			LatencyReport report = measure.measure(round);
			long[] after = snapshot();
			double requests = Math.max(1, report.succeeded() + report.failed());
			StringBuilder row = new StringBuilder(round);
			for (int i = 0; i < before.length - 2; i++) {
				row.append(String.format(Locale.ROOT, ",%.1f", (after[i] - before[i]) / 1e3 / requests));
			}
			row.append(String.format(Locale.ROOT, ",%.2f",
					(after[before.length - 2] - before[before.length - 2]) / 1024.0 / requests));
			row.append(String.format(Locale.ROOT, ",%.1f",
					(after[before.length - 1] - before[before.length - 1]) * 1e3 / requests));
			this.rows.add(row.toString());
			return report;
		};
	}

	private long[] snapshot() {
		long[] counts = new long[this.threads.size() + 3];
		counts[0] = this.process.getProcessCpuTime();
		int i = 1;
		for (ThreadCpu group : this.threads.values()) {
			counts[i++] = group.nanos();
		}
		counts[i] = LongStream.of(this.allThreads.getThreadAllocatedBytes(this.allThreads.getAllThreadIds()))
			.filter((bytes) -> bytes > 0)
			.sum();
		counts[i + 1] = this.compiler.getTotalCompilationTime();
		return counts;
	}

	/**
	 * Writes the rounds measured so far, in microseconds and kilobytes per request, and
	 * prints them.
	 * @param scenario the scenario's name, in the file's name
	 * @throws IOException if the file cannot be written
	 */
	public void write(String scenario) throws IOException {
		Path folder = Path.of(System.getProperty("benchmarks.results", "results"));
		Files.createDirectories(folder);
		List<String> lines = new ArrayList<>();
		lines.add("round,process_us,"
				+ String.join(",", this.threads.keySet().stream().map((group) -> group + "_us").toList())
				+ ",allocated_kb,jit_compiling_us");
		lines.addAll(this.rows);
		Files.write(folder.resolve("cpu-" + scenario + "-"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv"), lines);
		lines.forEach(System.out::println);
	}

	/**
	 * Rounds whose each round is metered.
	 */
	@FunctionalInterface
	public interface MeteredRounds {

		/**
		 * Measure the rounds.
		 * @param cpu the meter of each round ({@link #metered})
		 * @return the rounds' reports
		 * @throws Exception if a round fails
		 */
		List<LatencyReport> measure(ProcessorTimePerRequest cpu) throws Exception;

	}

}
