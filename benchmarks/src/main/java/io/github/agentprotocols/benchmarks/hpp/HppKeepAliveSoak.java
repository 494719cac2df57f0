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
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.IdleGaps;
import io.github.agentprotocols.benchmarks.load.KeepAliveSoak;
import io.github.agentprotocols.benchmarks.load.SoakReport;

/**
 * Keep-alive soak of the HPP endpoints: {@value #AGENTS} agents, each on a persistent
 * HTTP/1.1 connection of its own, send {@value #REQUESTS} requests in all
 * ({@code GET context} 50 %, {@code POST action} 20 %, {@code GET diff} 20 %, and 10 % to
 * the bare JSON endpoint of the same application, which answers on the event loop) with
 * random idle gaps, some of them spread around the client's keep-alive timeout and the
 * server's idle timeout, after a warm-up of a tenth as many. Every request, warm-up
 * included, must be answered. Baseline: the same soak of the bare JSON endpoint on the
 * same server, {@value #BASELINE_REQUESTS} requests after a warm-up of a quarter as many.
 * <p>
 * With {@code bench.redis.url} (or the {@code TEST_REDIS_URL} environment variable) set,
 * HPP keeps its sessions in that Redis, so its responses are written from Redis client
 * threads rather than the event loop, and are followed on the same connection by answers
 * written on the event loop, the order in which Reactor Netty could stop reading a
 * connection; otherwise it uses its in-memory store, which answers on the event loop.
 */
public final class HppKeepAliveSoak {

	static final int AGENTS = 128;

	static final int REQUESTS = 100_000;

	static final int BASELINE_REQUESTS = 20_000;

	/** How long the server keeps an idle connection during the soak. */
	static final Duration SERVER_IDLE = Duration.ofSeconds(3);

	/** The JDK client's keep-alive timeout, which it reads once per JVM, in seconds. */
	static final String CLIENT_KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";

	private static final String ACTION = "{\"intervalMs\":0,\"actions\":[{\"type\":\"set\",\"key\":\"f0\",\"value\":\"v\"}]}";

	/**
	 * Run the soak.
	 * @return the reports, baseline first
	 * @throws Exception if the soak cannot run
	 */
	public List<SoakReport> run() throws Exception {
		Duration clientKeepAlive = Duration.ofSeconds(Long.getLong(CLIENT_KEEP_ALIVE_PROPERTY, 1200));
		if (clientKeepAlive.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new IllegalStateException("Run the soak with -D" + CLIENT_KEEP_ALIVE_PROPERTY
					+ "=2 (the -Pbench run does), so that its idle gaps can reach the client's keep-alive timeout");
		}
		KeepAliveSoak soak = new KeepAliveSoak(AGENTS, new IdleGaps(clientKeepAlive, SERVER_IDLE),
				Duration.ofSeconds(10), Duration.ofMinutes(4));
		String redis = redisUrl();
		List<SoakReport> reports = new ArrayList<>();
		try (Running application = Running.start(HppBenchmarkApplication.class, properties(redis))) {
			URI baseline = URI.create("http://127.0.0.1:" + application.port() + BaselineRoutes.JSON_PATH);
			reports.add(soak.run("baseline-keepalive-soak", BASELINE_REQUESTS / 4, BASELINE_REQUESTS,
					(client) -> () -> HttpRequest.newBuilder(baseline).GET().build()));
			reports.add(soak.run("hpp-keepalive-soak-" + ((redis != null) ? "redis" : "memory"), REQUESTS / 10,
					REQUESTS, (client) -> agent(new HppAgent(client, application.port()), baseline)));
		}
		return reports;
	}

	private static Supplier<HttpRequest> agent(HppAgent agent, URI bare) throws Exception {
		HppAgent.Session session = agent.create(HppAgent.TEN_FIELD_SCHEMA);
		return () -> {
			int pick = ThreadLocalRandom.current().nextInt(10);
			if (pick < 5) {
				return agent.context(session);
			}
			if (pick < 7) {
				return agent.action(session, ACTION);
			}
			return (pick < 9) ? agent.diff(session) : HttpRequest.newBuilder(bare).GET().build();
		};
	}

	private static String[] properties(String redis) {
		List<String> properties = new ArrayList<>(List.of(HppBenchmarkApplication.PROPERTIES));
		properties.add("server.netty.idle-timeout=" + SERVER_IDLE.toMillis() + "ms");
		if (redis != null) {
			properties.add("hpp.store.type=redis");
			properties.add("hpp.store.key-prefix=hpp-soak-" + UUID.randomUUID() + ":");
			properties.add("spring.data.redis.url=" + redis);
		}
		return properties.toArray(String[]::new);
	}

	private static String redisUrl() {
		String url = System.getProperty("bench.redis.url", "");
		if (url.isBlank()) {
			url = System.getenv("TEST_REDIS_URL");
		}
		return (url != null && !url.isBlank()) ? url : null;
	}

}
