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
