package io.github.agentprotocols.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication;
import io.github.agentprotocols.benchmarks.load.HttpOperation;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.WebSocketOperation;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks matching the first argument (default: all) and the baseline
 * load scenarios, writing to the folder named by the {@code benchmarks.results} system
 * property (default {@code results}): {@code jmh-<stamp>.json} (JMH's own),
 * {@code jmh-<stamp>.csv} (scores with their ratio to the class baseline) and
 * {@code load-<stamp>.csv} (latency histograms).
 */
public final class BenchmarkMain {

	private static final int LOAD_REQUESTS = 20_000;

	private static final int LOAD_CONCURRENCY = 16;

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException, IOException, InterruptedException, TimeoutException {
		String include = (args.length > 0) ? args[0] : ".*";
		Path folder = Path.of(System.getProperty("benchmarks.results", "results"));
		Files.createDirectories(folder);
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Path json = folder.resolve("jmh-" + stamp + ".json");
		Options options = new OptionsBuilder().include(include)
			.resultFormat(ResultFormatType.JSON)
			.result(json.toString())
			.build();
		Collection<RunResult> results = new Runner(options).run();
		writeScores(folder.resolve("jmh-" + stamp + ".csv"), results);
		writeLines(folder.resolve("load-" + stamp + ".csv"), LatencyReport.CSV_HEADER,
				baselineLoad().stream().map(LatencyReport::toCsv).toList());
		System.out.println("Results written to " + folder.toAbsolutePath());
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

	private static List<LatencyReport> baselineLoad() throws InterruptedException, TimeoutException {
		List<LatencyReport> reports = new ArrayList<>();
		LoadDriver driver = new LoadDriver(LOAD_CONCURRENCY, Duration.ofMinutes(2));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (BaselineApplication.Running application = BaselineApplication.start()) {
			String base = "127.0.0.1:" + application.port() + BaselineApplication.JSON_PATH;
			HttpOperation get = HttpOperation.get(client, URI.create("http://" + base));
			driver.run("warmup", LOAD_REQUESTS / 4, get);
			reports.add(driver.run("baseline-http-get", LOAD_REQUESTS, get));
			try (WebSocketOperation echo = new WebSocketOperation(client,
					URI.create("ws://127.0.0.1:" + application.port() + BaselineApplication.ECHO_PATH),
					LOAD_CONCURRENCY, () -> "{\"ping\":1}")) {
				driver.run("warmup", LOAD_REQUESTS / 4, echo);
				reports.add(driver.run("baseline-websocket-echo", LOAD_REQUESTS, echo));
			}
		}
		return reports;
	}

	private static void writeLines(Path file, String header, List<String> lines) throws IOException {
		List<String> all = new ArrayList<>();
		all.add(header);
		all.addAll(lines);
		Files.write(file, all);
		all.forEach(System.out::println);
	}

}
