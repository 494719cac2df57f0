package io.github.agentprotocols.benchmarks.appcontrol;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.benchmarks.observation.ObservationOverhead;

/**
 * {@link ObservationOverhead} of app-control's service host: one command run over HTTP
 * ({@link HttpAppControlClient#runCommand}, the client unobserved), as
 * {@link AppControlServiceRoundTrip} measures it.
 */
public final class AppControlObservationOverhead {

	private static final int REQUESTS = 5_000;

	private static final int CONCURRENCY = 8;

	private AppControlObservationOverhead() {
	}

	/**
	 * The service host's {@code run}.
	 * @return the scenario
	 */
	public static ObservationOverhead run() {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY, (task) -> {
			Thread thread = new Thread(task, "app-control-observation-overhead");
			thread.setDaemon(true);
			return thread;
		});
		return new ObservationOverhead("appcontrol-service-run",
				(mode) -> AppControlServiceApplication.start(mode.property()), (application) -> {
					HttpAppControlClient client = HttpAppControlClient
						.builder(URI.create("http://127.0.0.1:" + application.port() + "/app-control/service"))
						.token(AppControlServiceApplication.TOKEN)
						.timeout(Duration.ofSeconds(30))
						.httpClient(http)
						.build();
					return AppControlServiceRoundTrip.blocking(threads,
							() -> client.runCommand(ToolCommandParseBenchmark.COMMAND, null));
				}, REQUESTS, CONCURRENCY);
	}

}
