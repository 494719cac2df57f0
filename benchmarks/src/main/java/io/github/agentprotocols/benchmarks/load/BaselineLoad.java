package io.github.agentprotocols.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication;

/**
 * The raw baselines under the load driver: GETs of the bare JSON endpoint and WebSocket
 * echo round trips, 16 in flight.
 */
public final class BaselineLoad implements LoadScenario {

	private static final int REQUESTS = 20_000;

	private static final int CONCURRENCY = 16;

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(CONCURRENCY, Duration.ofMinutes(2));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (BaselineApplication.Running application = BaselineApplication.start()) {
			String base = "127.0.0.1:" + application.port();
			HttpOperation get = HttpOperation.get(client, URI.create("http://" + base + BaselineApplication.JSON_PATH));
			driver.run("warmup", REQUESTS / 4, get);
			LatencyReport http = driver.run("baseline-http-get", REQUESTS, get);
			try (WebSocketOperation echo = new WebSocketOperation(client,
					URI.create("ws://" + base + BaselineApplication.ECHO_PATH), CONCURRENCY, () -> "{\"ping\":1}")) {
				driver.run("warmup", REQUESTS / 4, echo);
				return List.of(http, driver.run("baseline-websocket-echo", REQUESTS, echo));
			}
		}
	}

}
