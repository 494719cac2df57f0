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

package io.github.agentprotocols.benchmarks.acp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.HttpOperation;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;

/**
 * {@code POST /acp/threads/{id}/messages} throughput on PostgreSQL through the whole
 * starter (authentication, gates, the JSON mapping, the thread's broadcast lane, the
 * store's append under the thread clock), {@value #REQUESTS} one-part text messages per
 * round, each with a client id of its own, spread over {@value #THREADS} threads, at a
 * fixed number of requests in flight. Baseline: the same body POSTed to
 * {@link RawEventRoutes#MESSAGES_PATH} of the same server, one raw R2DBC insert into the
 * same events table, on the same connection pool. Alternating rounds; goal: throughput at
 * least half the baseline's.
 */
public final class AcpMessageThroughput implements LoadScenario {

	static final int THREADS = 256;

	private static final int REQUESTS = 5_000;

	private static final String BODY = "{\"client_id\":\"%s\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}";

	private final int concurrency;

	/**
	 * Create the scenario.
	 * @param concurrency the requests in flight
	 */
	public AcpMessageThroughput(int concurrency) {
		this.concurrency = concurrency;
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(this.concurrency, Duration.ofMinutes(3));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (AcpBenchDatabase database = AcpBenchDatabase.create();
				Running application = AcpBenchmarkApplication.start(database)) {
			ThreadStore store = application.context().getBean(ThreadStore.class);
			List<String> threads = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				threads.add(BenchThreads.create(store));
			}
			String base = "http://127.0.0.1:" + application.port();
			HttpOperation raw = post(client, threads, base + RawEventRoutes.MESSAGES_PATH.replace("{threadId}", "%s"),
					"raw");
			HttpOperation acp = post(client, threads, base + "/acp/threads/%s/messages", "acp");
			driver.run("warmup", REQUESTS / 2, raw);
			driver.run("warmup", REQUESTS / 2, acp);
			return Rounds.alternate(Rounds.count(),
					new Measurement("baseline-raw-r2dbc-insert-c" + this.concurrency,
							(name) -> driver.run(name, REQUESTS, raw)),
					new Measurement("acp-post-message-c" + this.concurrency,
							(name) -> driver.run(name, REQUESTS, acp)));
		}
	}

	static HttpOperation post(HttpClient client, List<String> threads, String path, String clientIds) {
		AtomicLong sent = new AtomicLong();
		return new HttpOperation(client, () -> {
			long n = sent.getAndIncrement();
			return HttpRequest.newBuilder(URI.create(String.format(path, threads.get((int) (n % threads.size())))))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, clientIds + "-" + n)))
				.build();
		});
	}

}
