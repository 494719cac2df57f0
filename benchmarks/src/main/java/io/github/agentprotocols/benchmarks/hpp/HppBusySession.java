package io.github.agentprotocols.benchmarks.hpp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.HttpOperation;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;

/**
 * One busy session: {@value #REQUESTS} requests per round to ONE HPP session,
 * {@value #CONCURRENCY} in flight, either {@code GET context} or {@code POST action} with
 * the ten-field body ({@code intervalMs: 0}), in alternating rounds with the bare WebFlux
 * path of the same server that does the nearest thing: the JSON GET for the context, the
 * echo of the same body for the action.
 */
public final class HppBusySession implements LoadScenario {

	static final int REQUESTS = 10_000;

	static final int CONCURRENCY = 16;

	private final String name;

	private final String baselinePath;

	private final Path path;

	private HppBusySession(String name, String baselinePath, Path path) {
		this.name = name;
		this.baselinePath = baselinePath;
		this.path = path;
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
			HttpRequest request = this.path.request(agent, agent.create(HppAgent.TEN_FIELD_SCHEMA));
			HttpOperation hpp = new HttpOperation(client, () -> request);
			HttpOperation bare = new HttpOperation(client, baseline(request, application.port()));
			driver.run("warmup", REQUESTS / 2, bare);
			driver.run("warmup", REQUESTS / 2, hpp);
			String baselineName = request.method().equals("GET") ? "bare-http-get" : "bare-http-echo";
			return Rounds.alternate(Rounds.count(),
					new Measurement(baselineName + "-one-session-c" + CONCURRENCY,
							(round) -> driver.run(round, REQUESTS, bare)),
					new Measurement(this.name + "-c" + CONCURRENCY, (round) -> driver.run(round, REQUESTS, hpp)));
		}
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
	private interface Path {

		HttpRequest request(HppAgent agent, HppAgent.Session session);

	}

}
