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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.agentprotocols.benchmarks.acp.AcpChatClientAssistant;
import io.github.agentprotocols.benchmarks.acp.AcpExecutorOverhead;
import io.github.agentprotocols.benchmarks.acp.AcpJoinHistory;
import io.github.agentprotocols.benchmarks.acp.AcpMessageThroughput;
import io.github.agentprotocols.benchmarks.acp.AcpObservationOverhead;
import io.github.agentprotocols.benchmarks.acp.AcpReconnectStorm;
import io.github.agentprotocols.benchmarks.acp.AcpSocketIoFanOut;
import io.github.agentprotocols.benchmarks.acp.AcpSocketIoLargeRooms;
import io.github.agentprotocols.benchmarks.appcontrol.AppControlObservationOverhead;
import io.github.agentprotocols.benchmarks.appcontrol.AppControlServiceRoundTrip;
import io.github.agentprotocols.benchmarks.appcontrol.AppControlUnixSocketRoundTrip;
import io.github.agentprotocols.benchmarks.faults.AcpUnderFaults;
import io.github.agentprotocols.benchmarks.faults.FaultKind;
import io.github.agentprotocols.benchmarks.faults.FaultReport;
import io.github.agentprotocols.benchmarks.faults.HppUnderFaults;
import io.github.agentprotocols.benchmarks.fuzz.FuzzReport;
import io.github.agentprotocols.benchmarks.fuzz.WireFuzz;
import io.github.agentprotocols.benchmarks.happy.HappyRpcRoundTrip;
import io.github.agentprotocols.benchmarks.hpp.HppBusySession;
import io.github.agentprotocols.benchmarks.hpp.HppIdleHeap;
import io.github.agentprotocols.benchmarks.hpp.HppKeepAliveSoak;
import io.github.agentprotocols.benchmarks.hpp.HppMcpContext;
import io.github.agentprotocols.benchmarks.hpp.HppObservationOverhead;
import io.github.agentprotocols.benchmarks.hpp.HppPushLatency;
import io.github.agentprotocols.benchmarks.hpp.HppRedisCluster;
import io.github.agentprotocols.benchmarks.hpp.HppRedisMode;
import io.github.agentprotocols.benchmarks.lime.LimeEventLatency;
import io.github.agentprotocols.benchmarks.load.BaselineLoad;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.MemoryReport;
import io.github.agentprotocols.benchmarks.load.SoakReport;
import io.github.agentprotocols.benchmarks.startup.StartupFootprint;
import io.github.agentprotocols.benchmarks.startup.StartupReport;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks and the load scenarios whose class names match the first
 * argument (a regular expression; default: all), writing to the folder named by the
 * {@code benchmarks.results} system property (default {@code results}):
 * {@code jmh-<stamp>.json} (JMH's own), {@code jmh-<stamp>.csv} (scores with their ratio
 * to the class baseline), {@code load-<stamp>.csv} (latency histograms, with ratios to
 * each scenario's baseline), {@code memory-<stamp>.csv} (heap per idle connection) and
 * {@code soak-<stamp>.csv} (answered and unanswered requests of the keep-alive soak) and
 * {@code startup-<stamp>.csv} (start time and footprint of the showcase against a bare
 * WebFlux application), {@code storm-<stamp>.csv} (a reconnect storm on each transport),
 * {@code fuzz-<stamp>.csv} (the showcase's answers to mutated requests by class, with
 * {@code fuzz-findings-<stamp>.txt} and the server's log
 * {@code fuzz-server-<stamp>.log}).
 */
public final class BenchmarkMain {

	private static final Map<String, LoadScenario> LOAD_SCENARIOS = Map.ofEntries(
			Map.entry("BaselineLoad", new BaselineLoad()), Map.entry("HppPushLatency", new HppPushLatency()),
			Map.entry("HppBusySessionContext", HppBusySession.context()),
			Map.entry("HppBusySessionAction", HppBusySession.action()),
			Map.entry("HppRedisModeContextOneSessionC1", HppRedisMode.context(1, 1)),
			Map.entry("HppRedisModeContextOneSessionC16", HppRedisMode.context(1, 16)),
			Map.entry("HppRedisModeActionOneSessionC1", HppRedisMode.action(1, 1)),
			Map.entry("HppRedisModeActionOneSessionC16", HppRedisMode.action(1, 16)),
			Map.entry("HppRedisModeContextManySessionsC16", HppRedisMode.context(HppRedisMode.SESSIONS, 16)),
			Map.entry("HppRedisModeActionManySessionsC16", HppRedisMode.action(HppRedisMode.SESSIONS, 16)),
			Map.entry("HppRedisClusterContext", HppRedisCluster.context()),
			Map.entry("HppRedisClusterAction", HppRedisCluster.action()),
			Map.entry("AppControlServiceRoundTrip", new AppControlServiceRoundTrip()),
			Map.entry("LimeEventLatency", new LimeEventLatency()),
			Map.entry("AppControlUnixSocketRoundTrip", new AppControlUnixSocketRoundTrip()),
			Map.entry("AcpMessageThroughput16", new AcpMessageThroughput(16)),
			Map.entry("AcpMessageThroughput64", new AcpMessageThroughput(64)),
			Map.entry("AcpJoinHistoryReplay", AcpJoinHistory.replay()),
			Map.entry("AcpJoinHistoryRest", AcpJoinHistory.rest()),
			Map.entry("AcpSocketIoFanOut", AcpSocketIoFanOut.latency()),
			Map.entry("AcpSocketIoFanOutPostgres", AcpSocketIoFanOut.latencyOnPostgres()),
			Map.entry("AcpSocketIoFanOutThroughput", AcpSocketIoFanOut.throughput()),
			Map.entry("AcpSocketIoLargeRooms", AcpSocketIoLargeRooms.latency()),
			Map.entry("AcpSocketIoJoinReplay", AcpJoinHistory.socketIo()),
			Map.entry("AcpExecutorOverheadMemory", AcpExecutorOverhead.inMemory()),
			Map.entry("AcpExecutorOverheadPostgres", AcpExecutorOverhead.postgres()),
			Map.entry("AcpChatClientAssistant", AcpChatClientAssistant.text()),
			Map.entry("AcpChatClientAssistantToolCall", AcpChatClientAssistant.toolCall()),
			Map.entry("HppMcpContext", HppMcpContext.of()), Map.entry("HappyRpcRoundTrip", new HappyRpcRoundTrip(1)),
			Map.entry("HappyRpcRoundTrip16", new HappyRpcRoundTrip(16)),
			Map.entry("ObservationOverheadBare", HppObservationOverhead.bare()),
			Map.entry("ObservationOverheadHppContext", HppObservationOverhead.context()),
			Map.entry("ObservationOverheadHppAction", HppObservationOverhead.action()),
			Map.entry("ObservationOverheadAppControlRun", AppControlObservationOverhead.run()),
			Map.entry("ObservationOverheadAcpMessage", AcpObservationOverhead.postMessage()));

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		String include = (args.length > 0) ? args[0] : ".*";
		Pattern selected = Pattern.compile(include);
		Path folder = Path.of(System.getProperty("benchmarks.results", "results"));
		Files.createDirectories(folder);
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		if (matchesJmhBenchmark(include)) {
			Path json = folder.resolve("jmh-" + stamp + ".json");
			Options options = new OptionsBuilder().include(include)
				.resultFormat(ResultFormatType.JSON)
				.result(json.toString())
				.build();
			writeScores(folder.resolve("jmh-" + stamp + ".csv"), new Runner(options).run());
		}
		else {
			System.out.println("No JMH benchmark matches " + include);
		}
		List<String> load = new ArrayList<>();
		for (Map.Entry<String, LoadScenario> scenario : LOAD_SCENARIOS.entrySet()) {
			if (selected.matcher(scenario.getKey()).find()) {
				load.addAll(LatencyReport.toCsv(scenario.getValue().run()));
			}
		}
		if (!load.isEmpty()) {
			writeLines(folder.resolve("load-" + stamp + ".csv"), LatencyReport.CSV_HEADER, load);
		}
		if (selected.matcher("HppIdleHeap").find()) {
			List<MemoryReport> memory = new HppIdleHeap().run();
			writeLines(folder.resolve("memory-" + stamp + ".csv"), MemoryReport.CSV_HEADER,
					memory.stream().map((report) -> report.toCsv(memory.get(0))).toList());
		}
		if (selected.matcher("HppKeepAliveSoak").find()) {
			writeLines(folder.resolve("soak-" + stamp + ".csv"), SoakReport.CSV_HEADER,
					SoakReport.toCsv(new HppKeepAliveSoak().run()));
		}
		List<String> faults = new ArrayList<>();
		FaultKind fault = FaultKind.of(System.getProperty(FaultKind.PROPERTY, "cluster-failover"));
		for (String underFaults : List.of(HppUnderFaults.NAME, AcpUnderFaults.NAME)) {
			if (selected.matcher(underFaults).find()) {
				if (fault.drives(underFaults)) {
					faults.add(
							fault
								.run(underFaults, Duration.ofSeconds(Long.getLong("bench.faults.seconds", 300)),
										Duration.ofSeconds(Long.getLong("bench.faults.interval-seconds", 20)))
								.toCsv());
				}
				else {
					System.out.println(underFaults + " skipped: " + fault + " does not apply to it");
				}
			}
		}
		if (!faults.isEmpty()) {
			writeLines(folder.resolve("faults-" + stamp + ".csv"), FaultReport.CSV_HEADER, faults);
		}
		if (selected.matcher("AcpReconnectStorm").find()) {
			writeLines(folder.resolve("storm-" + stamp + ".csv"), AcpReconnectStorm.CSV_HEADER,
					AcpReconnectStorm.onBothTransports(Integer.getInteger("bench.storm.clients", 10_000),
							Duration.ofMillis(Long.getLong("bench.storm.jitter-ms", 0)), Duration.ofMinutes(3)));
		}
		if (selected.matcher("StartupFootprint").find()) {
			if (Files.isRegularFile(StartupFootprint.showcaseJar())) {
				writeLines(folder.resolve("startup-" + stamp + ".csv"), StartupReport.CSV_HEADER,
						StartupReport.toCsv(new StartupFootprint().run()));
			}
			else {
				System.out.println("StartupFootprint skipped: no " + StartupFootprint.showcaseJar()
						+ " (./mvnw -B -ntp -q -DskipTests -pl samples/showcase -am package)");
			}
		}
		if (selected.matcher("WireFuzz").find()) {
			Path jar = StartupFootprint.showcaseJar();
			if (Files.isRegularFile(jar)) {
				List<FuzzReport> reports = new WireFuzz(WireFuzz.settingsFromSystemProperties()).run(jar,
						folder.resolve("fuzz-findings-" + stamp + ".txt"),
						folder.resolve("fuzz-server-" + stamp + ".log"));
				writeLines(folder.resolve("fuzz-" + stamp + ".csv"), FuzzReport.CSV_HEADER,
						reports.stream().map(FuzzReport::toCsv).toList());
			}
			else {
				System.out.println("WireFuzz skipped: no " + jar
						+ " (./mvnw -B -ntp -q -DskipTests -pl samples/showcase -am package)");
			}
		}
		System.out.println("Results written to " + folder.toAbsolutePath());
	}

	/**
	 * Whether a JMH benchmark matches, read from JMH's list without starting its runner:
	 * the runner takes a machine-wide lock, which another run's JMH may hold, even when
	 * nothing of it is selected.
	 */
	private static boolean matchesJmhBenchmark(String include) {
		OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
		return !BenchmarkList.defaultList().find(silent, List.of(include), List.of()).isEmpty();
	}

	private static void writeScores(Path file, Collection<RunResult> results) throws IOException {
		List<Measurement> raw = results.stream().map(BenchmarkMain::measurement).toList();
		writeLines(file, Measurement.CSV_HEADER, Measurement.withRatios(raw).stream().map(Measurement::toCsv).toList());
	}

	private static Measurement measurement(RunResult result) {
		var primary = result.getPrimaryResult();
		return new Measurement(result.getParams().getBenchmark(), result.getParams().getMode().shortLabel(),
				primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), null);
	}

	private static void writeLines(Path file, String header, List<String> lines) throws IOException {
		List<String> all = new ArrayList<>();
		all.add(header);
		all.addAll(lines);
		Files.write(file, all);
		all.forEach(System.out::println);
	}

}
