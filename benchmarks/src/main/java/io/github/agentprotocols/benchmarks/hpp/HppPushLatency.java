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

package io.github.agentprotocols.benchmarks.hpp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;
import io.github.agentprotocols.benchmarks.load.WebSocketOperation;
import io.github.agentprotocols.benchmarks.load.WebSocketWatcher;

/**
 * Action → WebSocket push latency with {@value #SESSIONS} sessions, each watched by an
 * open WebSocket: the time from sending {@code POST action} (one field, no pacing) until
 * the session's browser socket receives the {@code action} event. Baseline: a WebSocket
 * echo round trip on the same server. Goal: p99 at most 5 ms.
 */
public final class HppPushLatency implements LoadScenario {

	static final int SESSIONS = 1_000;

	private static final int REQUESTS = 20_000;

	private static final int CONCURRENCY = Integer.getInteger("bench.push.concurrency", 1);

	private static final String ONE_FIELD = "{\"mode\":\"form-fill\",\"schema\":[{\"key\":\"f\",\"type\":\"string\"}]}";

	private static final String ONE_ACTION = "{\"intervalMs\":0,\"actions\":[{\"type\":\"set\",\"key\":\"f\",\"value\":\"v\"}]}";

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(CONCURRENCY, Duration.ofMinutes(3));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<LatencyReport> reports = new ArrayList<>();
		try (Running application = HppBenchmarkApplication.start()) {
			try (WebSocketOperation echo = new WebSocketOperation(client,
					URI.create("ws://127.0.0.1:" + application.port() + BaselineRoutes.ECHO_PATH), CONCURRENCY,
					() -> "{\"type\":\"action\",\"key\":\"f\",\"value\":\"v\"}")) {
				driver.run("warmup", REQUESTS / 4, echo);
				reports.add(driver.run("baseline-websocket-echo", REQUESTS, echo));
			}
			HppAgent agent = new HppAgent(client, application.port());
			List<Watched> sessions = new ArrayList<>();
			try {
				for (int i = 0; i < SESSIONS; i++) {
					HppAgent.Session session = agent.create(ONE_FIELD);
					sessions.add(new Watched(session,
							WebSocketWatcher.open(client, agent.webSocket(session), "\"connected\"")));
				}
				Operation push = pushOperation(client, agent, sessions);
				driver.run("warmup", REQUESTS / 4, push);
				reports.add(driver.run("hpp-action-push-" + SESSIONS + "-sessions", REQUESTS, push));
			}
			finally {
				sessions.forEach((watched) -> watched.socket().close());
			}
		}
		return reports;
	}

	private static Operation pushOperation(HttpClient client, HppAgent agent, List<Watched> sessions) {
		AtomicInteger next = new AtomicInteger();
		return () -> {
			Watched watched = sessions.get(Math.floorMod(next.getAndIncrement(), sessions.size()));
			var pushed = watched.socket().next("\"type\":\"action\"");
			client.sendAsync(agent.action(watched.session(), ONE_ACTION), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					if (failure != null || response.statusCode() != 200) {
						pushed.completeExceptionally(new IllegalStateException("action failed"));
					}
				});
			return pushed;
		};
	}

	private record Watched(HppAgent.Session session, WebSocketWatcher socket) {
	}

}
