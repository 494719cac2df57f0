package io.github.agentprotocols.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication;

/**
 * The raw HTTP baseline under the load driver: GETs of the bare JSON endpoint, 16 in
 * flight. (Scenarios with WebSocket figures measure the WebSocket echo on their own
 * server.)
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
			return List.of(driver.run("baseline-http-get", REQUESTS, get));
		}
	}

}
