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
