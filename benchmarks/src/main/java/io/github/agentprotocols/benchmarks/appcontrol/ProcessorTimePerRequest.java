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

package io.github.agentprotocols.benchmarks.appcontrol;

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
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.ThreadCpu;

/**
 * The processor time of this JVM per request of each round, in all and by the threads
 * that spent it (client callers, the JDK HTTP client, Netty's event loops, the host's
 * command threads, …), the bytes its Java threads allocated per request and the time its
 * JIT compilers spent per request (their threads are not among the named ones), written
 * to {@code cpu-<scenario>-<stamp>.csv}. Client and server share the JVM, so the total is
 * the whole round trip's cost, which other processes on a shared machine delay but do not
 * add to.
 */
final class ProcessorTimePerRequest {

	private static final Map<String, String> THREAD_GROUPS = groups();

	private final OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private final ThreadMXBean allThreads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();

	private final Map<String, ThreadCpu> threads = new LinkedHashMap<>();

	private final List<String> rows = new ArrayList<>();

	ProcessorTimePerRequest() {
		THREAD_GROUPS.forEach((name, prefix) -> this.threads.put(name, new ThreadCpu(prefix)));
	}

	private static Map<String, String> groups() {
		Map<String, String> groups = new LinkedHashMap<>();
		groups.put("client_callers", "pool-");
		groups.put("jdk_http_client", "HttpClient-");
		groups.put("netty_event_loops", "reactor-http-");
		groups.put("host_command_threads", "app-control-service");
		groups.put("host_unix_socket_threads", "app-control-unix-socket");
		groups.put("bounded_elastic", "boundedElastic-");
		groups.put("reactor_parallel", "parallel-");
		groups.put("echo_server", "unix-socket-echo");
		return groups;
	}

	/**
	 * Measures each round of {@code measure} and records its processor time per request.
	 * @param measure the measurement
	 * @return the metered measurement
	 */
	Rounds.Measure metered(Rounds.Measure measure) {
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
	void write(String scenario) throws IOException {
		Path folder = Path.of(System.getProperty("benchmarks.results", "results"));
		Files.createDirectories(folder);
		List<String> lines = new ArrayList<>();
		lines.add("round,process_us,"
				+ String.join(",", THREAD_GROUPS.keySet().stream().map((group) -> group + "_us").toList())
				+ ",allocated_kb,jit_compiling_us");
		lines.addAll(this.rows);
		Files.write(folder.resolve("cpu-" + scenario + "-"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv"), lines);
		lines.forEach(System.out::println);
	}

}
