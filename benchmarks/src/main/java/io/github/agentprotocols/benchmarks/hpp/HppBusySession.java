package io.github.agentprotocols.benchmarks.hpp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.HttpOperation;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.github.agentprotocols.benchmarks.load.ThreadCpu;

/**
 * One busy session: {@value #REQUESTS} requests per round to ONE HPP session,
 * {@value #CONCURRENCY} in flight, either {@code GET context} or {@code POST action} with
 * the ten-field body ({@code intervalMs: 0}), in alternating rounds with the bare WebFlux
 * path of the same server that does the nearest thing: the JSON GET for the context, the
 * echo of the same body for the action. Besides latency and throughput, each round's
 * processor time of the server's event loops per request ({@link ThreadCpu}) is written
 * to {@code server-cpu-<scenario>-<stamp>.csv}: on a machine that other work loads, the
 * throughput of both measurements follows that load, their processor time per request
 * much less.
 */
public final class HppBusySession implements LoadScenario {

	static final int REQUESTS = 10_000;

	static final int CONCURRENCY = 16;

	/**
	 * Requests of each kind before the rounds, enough for the JIT to settle both paths.
	 */
	static final int WARMUP = 20_000;

	/** The server's event loops, where the in-memory store answers. */
	static final String SERVER_THREADS = "reactor-http-";

	static final String CPU_CSV_HEADER = "round,succeeded,server_cpu_us_per_request";

	private final String name;

	private final String baselinePath;

	private final Request request;

	private HppBusySession(String name, String baselinePath, Request request) {
		this.name = name;
		this.baselinePath = baselinePath;
		this.request = request;
	}

	/**
	 * {@code GET context} of one session against the bare JSON GET.
	 * @return the scenario
	 */
	public static HppBusySession context() {
		return new HppBusySession("hpp-busy-session-context", BaselineRoutes.JSON_PATH, HppAgent::context);
	}

	/**
	 * {@code POST action} (ten fields) to one session against the bare echo of the same
	 * body.
	 * @return the scenario
	 */
	public static HppBusySession action() {
		return new HppBusySession("hpp-busy-session-action", BaselineRoutes.ECHO_JSON_PATH,
				(agent, session) -> agent.action(session, HppAgent.TEN_FIELD_ACTIONS));
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(CONCURRENCY, Duration.ofMinutes(3));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (Running application = HppBenchmarkApplication.start()) {
			HppAgent agent = new HppAgent(client, application.port());
			HttpRequest request = this.request.build(agent, agent.create(HppAgent.TEN_FIELD_SCHEMA));
			HttpOperation hpp = new HttpOperation(client, () -> request);
			HttpOperation bare = new HttpOperation(client, baseline(request, application.port()));
			driver.run("warmup", WARMUP, bare);
			driver.run("warmup", WARMUP, hpp);
			String baselineName = (request.method().equals("GET") ? "bare-http-get" : "bare-http-echo")
					+ "-one-session-c" + CONCURRENCY;
			ThreadCpu server = new ThreadCpu(SERVER_THREADS);
			List<String> cpu = new ArrayList<>();
			List<LatencyReport> reports = Rounds.alternate(Rounds.count(),
					new Measurement(baselineName, metered(server, cpu, (round) -> driver.run(round, REQUESTS, bare))),
					new Measurement(this.name + "-c" + CONCURRENCY,
							metered(server, cpu, (round) -> driver.run(round, REQUESTS, hpp))));
			writeCpu(cpu);
			return reports;
		}
	}

	/**
	 * Measures a round and adds its server processor time per request to {@code cpu}.
	 */
	private static Rounds.Measure metered(ThreadCpu server, List<String> cpu, Rounds.Measure measure) {
		return (round) -> {
			long before = server.nanos();
			LatencyReport report = measure.measure(round);
			double micros = (server.nanos() - before) / 1e3 / Math.max(1, report.succeeded() + report.failed());
			cpu.add(String.format(Locale.ROOT, "%s,%d,%.2f", round, report.succeeded(), micros));
			return report;
		};
	}

	private void writeCpu(List<String> rounds) throws IOException {
		Path folder = Path.of(System.getProperty("benchmarks.results", "results"));
		Files.createDirectories(folder);
		List<String> lines = new ArrayList<>();
		lines.add(CPU_CSV_HEADER);
		lines.addAll(rounds);
		Files.write(folder.resolve("server-cpu-" + this.name + "-"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv"), lines);
		lines.forEach(System.out::println);
	}

	/**
	 * The bare request of the same method, and body if any, to the baseline path.
	 */
	private Supplier<HttpRequest> baseline(HttpRequest hpp, int port) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + this.baselinePath));
		HttpRequest request = hpp.bodyPublisher()
			.map((body) -> builder.header("Content-Type", "application/json").POST(body))
			.orElseGet(builder::GET)
			.build();
		return () -> request;
	}

	/**
	 * Builds the measured request to the session.
	 */
	@FunctionalInterface
	private interface Request {

		HttpRequest build(HppAgent agent, HppAgent.Session session);

	}

}
