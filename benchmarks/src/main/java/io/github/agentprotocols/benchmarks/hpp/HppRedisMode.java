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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.HttpOperation;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.github.agentprotocols.benchmarks.load.ThreadCpu;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * HPP in Redis mode ({@code hpp.store.type=redis}, a local redis-server at
 * {@value #REDIS_URL} unless {@code bench.redis.url} says otherwise, keys under a prefix
 * of the run's own) beside the in-memory store and the bare WebFlux endpoints, all in
 * this JVM: {@code GET context} and {@code POST action} (the ten-field body,
 * {@code intervalMs: 0}) to one busy session or spread over {@value #SESSIONS} sessions,
 * 1 or 16 requests in flight, in alternating rounds of {@value #REQUESTS} requests. The
 * bare path is the JSON GET for the context and the echo of the same body for the action,
 * on the in-memory application. Each round's processor time per request of the server's
 * event loops and Lettuce's threads ({@link ThreadCpu}), and the Redis server's (its
 * {@code INFO cpu}), go to {@code server-cpu-hpp-redis-<scenario>-<stamp>.csv}.
 */
public final class HppRedisMode implements LoadScenario {

	static final String REDIS_URL = "redis://127.0.0.1:6379";

	static final int REQUESTS = 3_000;

	static final int WARMUP = 20_000;

	public static final int SESSIONS = 2_000;

	private static final String[] SERVER_THREADS = { "reactor-http-", "lettuce-" };

	private final String name;

	private final boolean action;

	private final int sessions;

	private final int concurrency;

	private HppRedisMode(boolean action, int sessions, int concurrency) {
		this.name = (action ? "action" : "context") + "-" + sessions + "-sessions-c" + concurrency;
		this.action = action;
		this.sessions = sessions;
		this.concurrency = concurrency;
	}

	/**
	 * {@code GET context}.
	 * @param sessions to one session or spread over {@value #SESSIONS}
	 * @param concurrency requests in flight
	 * @return the scenario
	 */
	public static HppRedisMode context(int sessions, int concurrency) {
		return new HppRedisMode(false, sessions, concurrency);
	}

	/**
	 * {@code POST action} with ten fields.
	 * @param sessions to one session or spread over {@value #SESSIONS}
	 * @param concurrency requests in flight
	 * @return the scenario
	 */
	public static HppRedisMode action(int sessions, int concurrency) {
		return new HppRedisMode(true, sessions, concurrency);
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String redisUrl = redisUrl();
		String prefix = "bench-hpp-" + UUID.randomUUID() + ":";
		List<String> cpu = new ArrayList<>();
		RedisClient redisClient = RedisClient.create(redisUrl);
		try (StatefulRedisConnection<String, String> redisConnection = redisClient.connect();
				Running memory = HppBenchmarkApplication.start();
				Running redis = Running.start(HppBenchmarkApplication.class,
						HppBenchmarkApplication.properties("hpp.store.type=redis", "hpp.store.key-prefix=" + prefix,
								"spring.data.redis.url=" + redisUrl))) {
			RedisCommands<String, String> redisCommands = redisConnection.sync();
			Supplier<HttpRequest> onMemory = requests(new HppAgent(client, memory.port()), this.sessions, this.action);
			Supplier<HttpRequest> onRedis = requests(new HppAgent(client, redis.port()), this.sessions, this.action);
			Supplier<HttpRequest> bare = bare(onMemory.get(), memory.port(), this.action);
			LoadDriver driver = new LoadDriver(this.concurrency, Duration.ofMinutes(5));
			HttpOperation bareOperation = new HttpOperation(client, bare);
			HttpOperation memoryOperation = new HttpOperation(client, onMemory);
			HttpOperation redisOperation = new HttpOperation(client, onRedis);
			driver.run("warmup", WARMUP, bareOperation);
			driver.run("warmup", WARMUP, memoryOperation);
			driver.run("warmup", WARMUP, redisOperation);
			List<LatencyReport> reports = Rounds.alternate(Rounds.count(),
					new Measurement("bare-" + this.name,
							metered(cpu, redisCommands, (round) -> driver.run(round, REQUESTS, bareOperation))),
					new Measurement("hpp-memory-" + this.name,
							metered(cpu, redisCommands, (round) -> driver.run(round, REQUESTS, memoryOperation))),
					new Measurement("hpp-redis-" + this.name,
							metered(cpu, redisCommands, (round) -> driver.run(round, REQUESTS, redisOperation))));
			writeCpu(cpu);
			return reports;
		}
		finally {
			redisClient.shutdown();
		}
	}

	/**
	 * The stand-alone Redis: {@code bench.redis.url}, else {@value #REDIS_URL}.
	 */
	static String redisUrl() {
		String url = System.getProperty("bench.redis.url", "");
		return url.isBlank() ? REDIS_URL : url.trim();
	}

	/**
	 * The requests of one kind to one session, or to each of many in turn.
	 */
	static Supplier<HttpRequest> requests(HppAgent agent, int sessions, boolean action)
			throws IOException, InterruptedException {
		List<HttpRequest> requests = new ArrayList<>(sessions);
		for (int i = 0; i < sessions; i++) {
			HppAgent.Session session = agent.create(HppAgent.TEN_FIELD_SCHEMA);
			requests.add(action ? agent.action(session, HppAgent.TEN_FIELD_ACTIONS) : agent.context(session));
		}
		AtomicInteger next = new AtomicInteger();
		return () -> requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
	}

	private static Supplier<HttpRequest> bare(HttpRequest hpp, int port, boolean action) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI
			.create("http://127.0.0.1:" + port + (action ? BaselineRoutes.ECHO_JSON_PATH : BaselineRoutes.JSON_PATH)));
		HttpRequest request = hpp.bodyPublisher()
			.filter((body) -> action)
			.map((body) -> builder.header("Content-Type", "application/json").POST(body))
			.orElseGet(builder::GET)
			.build();
		return () -> request;
	}

	/**
	 * Measures a round and adds the processor time per request of the server's threads
	 * and of the Redis server (its {@code INFO cpu}, user and system).
	 */
	private static Rounds.Measure metered(List<String> cpu, RedisCommands<String, String> redis,
			Rounds.Measure measure) {
		return (round) -> {
			long before = serverNanos();
			double redisBefore = redisSeconds(redis);
			LatencyReport report = measure.measure(round);
			long requests = Math.max(1, report.succeeded() + report.failed());
			double micros = (serverNanos() - before) / 1e3 / requests;
			double redisMicros = (redisSeconds(redis) - redisBefore) * 1e6 / requests;
			cpu.add(String.format(Locale.ROOT, "%s,%d,%.2f,%.2f", round, report.succeeded(), micros, redisMicros));
			return report;
		};
	}

	static double redisSeconds(RedisCommands<String, String> redis) {
		double seconds = 0;
		for (String line : redis.info("cpu").split("\\R")) {
			if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
				seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
			}
		}
		return seconds;
	}

	private static long serverNanos() {
		long total = 0;
		for (String prefix : SERVER_THREADS) {
			total += new ThreadCpu(prefix).nanos();
		}
		return total;
	}

	private void writeCpu(List<String> rounds) throws IOException {
		writeResults("server-cpu-hpp-redis-" + this.name, HppBusySession.CPU_CSV_HEADER + ",redis_cpu_us_per_request",
				rounds);
	}

	/**
	 * Writes a CSV to the results folder as {@code <file>-<stamp>.csv} and prints it.
	 */
	static void writeResults(String file, String header, List<String> rows) throws IOException {
		Path folder = Path.of(System.getProperty("benchmarks.results", "results"));
		Files.createDirectories(folder);
		List<String> lines = new ArrayList<>();
		lines.add(header);
		lines.addAll(rows);
		Files.write(folder
			.resolve(file + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv"),
				lines);
		lines.forEach(System.out::println);
	}

}
