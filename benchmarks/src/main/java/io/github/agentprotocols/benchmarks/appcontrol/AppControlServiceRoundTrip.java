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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;

/**
 * Service-host round trip: {@link HttpAppControlClient#runCommand} of one command (run →
 * observation, both envelopes schema-validated on both sides). Baseline: POSTing the same
 * run envelope to a bare WebFlux endpoint that echoes it, with the same HTTP client and
 * threads.
 */
public final class AppControlServiceRoundTrip implements LoadScenario {

	private static final int REQUESTS = 10_000;

	private static final int CONCURRENCY = 8;

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(CONCURRENCY, Duration.ofMinutes(3));
		ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (Running application = AppControlServiceApplication.start()) {
			String base = "http://127.0.0.1:" + application.port();
			String envelope = ServiceRequest.run(ToolCommandParseBenchmark.COMMAND, AppControlServiceApplication.TOKEN)
				.toJson();
			HttpRequest echo = HttpRequest.newBuilder(URI.create(base + BaselineRoutes.ECHO_JSON_PATH))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(envelope))
				.build();
			Operation baseline = blocking(threads, () -> http.send(echo, HttpResponse.BodyHandlers.ofString()));
			HttpAppControlClient client = HttpAppControlClient.builder(URI.create(base + "/app-control/service"))
				.token(AppControlServiceApplication.TOKEN)
				.timeout(Duration.ofSeconds(30))
				.httpClient(http)
				.build();
			Operation roundTrip = blocking(threads, () -> client.runCommand(ToolCommandParseBenchmark.COMMAND, null));
			driver.run("warmup", REQUESTS / 4, baseline);
			LatencyReport baselineReport = driver.run("baseline-http-post-echo", REQUESTS, baseline);
			driver.run("warmup", REQUESTS / 4, roundTrip);
			return List.of(baselineReport, driver.run("appcontrol-service-run-round-trip", REQUESTS, roundTrip));
		}
		finally {
			threads.shutdownNow();
		}
	}

	static Operation blocking(ExecutorService threads, Callable<?> call) {
		return () -> CompletableFuture.supplyAsync(() -> {
			try {
				return call.call();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, threads);
	}

}
