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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.HttpOperation;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * HPP in Redis mode on a three-master Redis Cluster beside the same on one stand-alone
 * Redis, both applications in this JVM: {@code GET context} or {@code POST action} (the
 * ten-field body) spread over 2,000 sessions, 16 in flight, in alternating rounds of
 * 3,000 requests, the stand-alone Redis first (the baseline). The stand-alone Redis is
 * {@code bench.redis.url} ({@code redis://127.0.0.1:6379} when blank); the cluster's
 * nodes are {@code bench.redis.cluster.nodes} ({@code host:port,...}), which the
 * application reaches through {@code spring.data.redis.cluster.nodes} only. Around each
 * cluster round the sum of the {@code calls} of every master's {@code INFO commandstats}
 * is read; the deltas, per round and master and in all, go to
 * {@code commandstats-hpp-redis-cluster-<scenario>-<stamp>.csv}, each with its ratio to
 * the masters' mean. Each round's processor time per request of the stand-alone Redis, or
 * of the cluster's masters and of its replicas (their {@code INFO cpu}), goes to
 * {@code server-cpu-hpp-redis-cluster-<scenario>-<stamp>.csv}.
 */
public final class HppRedisCluster implements LoadScenario {

	/** System property naming the cluster's nodes. */
	public static final String NODES_PROPERTY = "bench.redis.cluster.nodes";

	private static final int CONCURRENCY = 16;

	private final String name;

	private final boolean action;

	private HppRedisCluster(boolean action) {
		this.name = (action ? "action" : "context") + "-" + HppRedisMode.SESSIONS + "-sessions-c" + CONCURRENCY;
		this.action = action;
	}

	/**
	 * {@code GET context}.
	 * @return the scenario
	 */
	public static HppRedisCluster context() {
		return new HppRedisCluster(false);
	}

	/**
	 * {@code POST action} with ten fields.
	 * @return the scenario
	 */
	public static HppRedisCluster action() {
		return new HppRedisCluster(true);
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		String nodes = System.getProperty(NODES_PROPERTY, "");
		if (nodes.isBlank()) {
			throw new IllegalStateException("HppRedisCluster needs -D" + NODES_PROPERTY + "=host:port,...");
		}
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String prefix = "bench-hpp-" + UUID.randomUUID() + ":";
		List<RedisClient> redisClients = new ArrayList<>();
		RedisClient standAloneClient = RedisClient.create(HppRedisMode.redisUrl());
		redisClients.add(standAloneClient);
		try (Running standAlone = Running.start(HppBenchmarkApplication.class,
				HppBenchmarkApplication.properties("hpp.store.type=redis", "hpp.store.key-prefix=" + prefix,
						"spring.data.redis.url=" + HppRedisMode.redisUrl()));
				Running cluster = Running.start(HppBenchmarkApplication.class,
						HppBenchmarkApplication.properties("hpp.store.type=redis", "hpp.store.key-prefix=" + prefix,
								"spring.data.redis.cluster.nodes=" + nodes))) {
			Nodes redisNodes = Nodes.of(nodes, redisClients);
			RedisCommands<String, String> standAloneRedis = standAloneClient.connect().sync();
			LoadDriver driver = new LoadDriver(CONCURRENCY, Duration.ofMinutes(5));
			HttpOperation onStandAlone = new HttpOperation(client,
					HppRedisMode.requests(new HppAgent(client, standAlone.port()), HppRedisMode.SESSIONS, this.action));
			HttpOperation onCluster = new HttpOperation(client,
					HppRedisMode.requests(new HppAgent(client, cluster.port()), HppRedisMode.SESSIONS, this.action));
			driver.run("warmup", HppRedisMode.WARMUP, onStandAlone);
			driver.run("warmup", HppRedisMode.WARMUP, onCluster);
			Map<String, Long> total = new LinkedHashMap<>();
			List<String> calls = new ArrayList<>();
			List<String> cpu = new ArrayList<>();
			List<LatencyReport> reports = Rounds.alternate(Rounds.count(),
					new Measurement("hpp-redis-standalone-" + this.name, (round) -> {
						double before = HppRedisMode.redisSeconds(standAloneRedis);
						LatencyReport report = driver.run(round, HppRedisMode.REQUESTS, onStandAlone);
						cpu.add(cpuRow(report, HppRedisMode.redisSeconds(standAloneRedis) - before, 0));
						return report;
					}), new Measurement("hpp-redis-cluster-" + this.name, (round) -> {
						Map<String, Long> before = redisNodes.calls();
						double[] cpuBefore = redisNodes.seconds();
						LatencyReport report = driver.run(round, HppRedisMode.REQUESTS, onCluster);
						double[] cpuAfter = redisNodes.seconds();
						cpu.add(cpuRow(report, cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]));
						Map<String, Long> delta = redisNodes.since(before);
						delta.forEach((master, count) -> total.merge(master, count, Long::sum));
						calls.addAll(Nodes.toCsv(round, delta));
						return report;
					}));
			calls.addAll(Nodes.toCsv("all-rounds", total));
			HppRedisMode.writeResults("commandstats-hpp-redis-cluster-" + this.name, "round,master,calls,ratio_to_mean",
					calls);
			HppRedisMode.writeResults("server-cpu-hpp-redis-cluster-" + this.name,
					"round,succeeded,redis_cpu_us_per_request,replicas_cpu_us_per_request", cpu);
			return reports;
		}
		finally {
			redisClients.forEach(RedisClient::shutdown);
		}
	}

	private static String cpuRow(LatencyReport report, double seconds, double replicaSeconds) {
		long requests = Math.max(1, report.succeeded() + report.failed());
		return String.format(Locale.ROOT, "%s,%d,%.2f,%.2f", report.name(), report.succeeded(),
				seconds * 1e6 / requests, replicaSeconds * 1e6 / requests);
	}

	/**
	 * Connections to the cluster's nodes, which count the calls of the masters' commands
	 * and the processor time of masters and replicas.
	 */
	private record Nodes(Map<String, RedisCommands<String, String>> masters,
			List<RedisCommands<String, String>> replicas) {

		static Nodes of(String nodes, List<RedisClient> clients) {
			Map<String, RedisCommands<String, String>> masters = new LinkedHashMap<>();
			List<RedisCommands<String, String>> replicas = new ArrayList<>();
			for (String node : nodes.split(",")) {
				String[] hostAndPort = node.trim().split(":");
				RedisClient client = RedisClient
					.create(RedisURI.create(hostAndPort[0], Integer.parseInt(hostAndPort[1])));
				clients.add(client);
				RedisCommands<String, String> redis = client.connect().sync();
				if (redis.info("replication").contains("role:master")) {
					masters.put(node.trim(), redis);
				}
				else {
					replicas.add(redis);
				}
			}
			return new Nodes(masters, replicas);
		}

		/**
		 * The processor time the masters and the replicas have used, in seconds.
		 */
		double[] seconds() {
			double masters = 0;
			for (RedisCommands<String, String> redis : this.masters.values()) {
				masters += HppRedisMode.redisSeconds(redis);
			}
			double replicas = 0;
			for (RedisCommands<String, String> redis : this.replicas) {
				replicas += HppRedisMode.redisSeconds(redis);
			}
			return new double[] { masters, replicas };
		}

		/**
		 * The sum of the {@code calls} of each master's {@code INFO commandstats}.
		 */
		Map<String, Long> calls() {
			Map<String, Long> calls = new LinkedHashMap<>();
			this.masters.forEach((node, redis) -> {
				long sum = 0;
				for (String line : redis.info("commandstats").split("\\R")) {
					int start = line.indexOf("calls=");
					if (line.startsWith("cmdstat_") && start >= 0) {
						int end = line.indexOf(',', start);
						sum += Long.parseLong(line.substring(start + 6, (end >= 0) ? end : line.length()));
					}
				}
				calls.put(node, sum);
			});
			return calls;
		}

		Map<String, Long> since(Map<String, Long> before) {
			Map<String, Long> delta = calls();
			delta.replaceAll((node, calls) -> calls - before.get(node));
			return delta;
		}

		static List<String> toCsv(String round, Map<String, Long> calls) {
			double mean = calls.values().stream().mapToLong(Long::longValue).average().orElse(1);
			return calls.entrySet()
				.stream()
				.map((entry) -> String.format(Locale.ROOT, "%s,%s,%d,%.3f", round, entry.getKey(), entry.getValue(),
						entry.getValue() / mean))
				.toList();
		}

	}

}
