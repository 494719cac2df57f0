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

package io.github.agentprotocols.benchmarks.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.agentprotocols.benchmarks.hpp.HppBenchmarkApplication;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.RedisServerProcess;
import io.github.agentprotocols.testsupport.RedisServers;
import io.lettuce.core.api.sync.RedisKeyCommands;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HPP in Redis mode (a Redis Cluster, Redis Sentinel or a stand-alone Redis) on two
 * instances under agents' actions while a fault is injected again and again: twelve
 * agents, each on its own session, post actions alternately to both instances for the
 * whole run, each setting a number one higher than the last; the fault comes at every
 * interval. Afterwards each session's context, read on both instances, must hold the last
 * number answered {@code 200}: an acknowledged write not there is counted as lost.
 */
public final class HppUnderFaults {

	/** The load's name, which {@code -Dbench.include} matches. */
	public static final String NAME = "HppUnderFaults";

	private static final int AGENTS = 12;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String scenario;

	private final List<String> connectionProperties;

	private final KeyCleanup cleanup;

	private final Instance.Launcher second;

	private final FaultSchedule faults;

	private final Answers answers = new Answers();

	private final Answers setup = new Answers();

	private HppUnderFaults(String scenario, List<String> connectionProperties, KeyCleanup cleanup, Fault fault,
			Duration duration, Duration interval, int minimum) {
		this(scenario, connectionProperties, cleanup, Instance.Launcher.IN_THIS_JVM, fault, duration, interval,
				minimum);
	}

	private HppUnderFaults(String scenario, List<String> connectionProperties, KeyCleanup cleanup,
			Instance.Launcher second, Fault fault, Duration duration, Duration interval, int minimum) {
		this.scenario = scenario;
		this.connectionProperties = connectionProperties;
		this.cleanup = cleanup;
		this.second = second;
		this.faults = new FaultSchedule(fault, duration, interval, minimum);
	}

	/**
	 * On a Redis Cluster, its masters failed over in turn.
	 * @param cluster the cluster, held for faults by the caller
	 * @param duration how long failovers go on at the least (the load goes on one
	 * interval more)
	 * @param interval the time between two failovers
	 * @param minimum the fewest failovers, however long they take
	 * @return the run, not started
	 */
	public static HppUnderFaults clusterFailovers(RedisCluster cluster, Duration duration, Duration interval,
			int minimum) {
		return new HppUnderFaults("hpp-redis-cluster", List.of(cluster.connectionProperty()),
				(prefix) -> cluster.sync((redis) -> deleteKeys(redis, prefix)), new ClusterFailover(cluster), duration,
				interval, minimum);
	}

	/**
	 * On Redis Sentinel, its master failed over again and again.
	 * @param sentinel the setup, held for faults by the caller
	 * @param duration how long failovers go on at the least (the load goes on one
	 * interval more)
	 * @param interval the time between two failovers
	 * @param minimum the fewest failovers, however long they take
	 * @return the run, not started
	 */
	public static HppUnderFaults sentinelFailovers(RedisSentinel sentinel, Duration duration, Duration interval,
			int minimum) {
		return new HppUnderFaults("hpp-redis-sentinel", sentinel.connectionProperties(),
				(prefix) -> RedisServers.on(sentinel.master(), (redis) -> deleteKeys(redis, prefix)),
				Fault.of("sentinel-failover", sentinel::failOver), duration, interval, minimum);
	}

	/**
	 * On a stand-alone Redis, the second instance, a JVM of its own, killed with
	 * {@code SIGKILL} and started again on its port, again and again.
	 * @param redis the Redis server, of the caller's own (the run leaves its keys there)
	 * @param duration how long kills go on at the least (the load goes on one interval
	 * more)
	 * @param interval the time between a restarted instance serving and the next kill
	 * @param minimum the fewest kills
	 * @return the run, not started
	 */
	public static HppUnderFaults instanceKills(RedisServerProcess redis, Duration duration, Duration interval,
			int minimum) {
		InstanceKill kill = new InstanceKill(InstanceKill.Around.NOTHING);
		KeyCleanup discardedWithTheServer = (prefix) -> {
		};
		return new HppUnderFaults("hpp-redis-standalone", List.of("spring.data.redis.url=" + redis.url()),
				discardedWithTheServer, kill, kill, duration, interval, minimum);
	}

	/**
	 * Runs the load and the faults.
	 * @return what was counted
	 * @throws Exception if the run could not be driven
	 */
	public FaultReport run() throws Exception {
		String prefix = "bench-faults-" + UUID.randomUUID() + ":";
		ExecutorService agents = Executors.newFixedThreadPool(AGENTS);
		try (Instance a = Instance.Launcher.IN_THIS_JVM.launch(HppBenchmarkApplication.class, properties(prefix));
				Instance b = this.second.launch(HppBenchmarkApplication.class, properties(prefix))) {
			List<Integer> ports = List.of(a.port(), b.port());
			List<Session> sessions = new ArrayList<>();
			for (int i = 0; i < AGENTS; i++) {
				sessions.add(create(ports.get(i % 2)));
			}
			Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
			long start = System.nanoTime();
			List<Future<Void>> traffic = sessions.stream()
				.map((session) -> agents.submit(() -> act(session, ports, acknowledged)))
				.toList();
			this.faults.run();
			for (Future<Void> agent : traffic) {
				agent.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long lost = 0;
			for (Session session : sessions) {
				for (int port : ports) {
					Integer kept = acknowledged.get(session.id());
					if (kept != null && kept != age(port, session)) {
						lost++;
					}
				}
			}
			return FaultReport.of(this.scenario, this.faults, seconds, this.answers, acknowledged.size(), lost, -1);
		}
		finally {
			agents.shutdownNow();
			this.cleanup.delete(prefix);
		}
	}

	private static long deleteKeys(RedisKeyCommands<String, String> redis, String prefix) {
		List<String> keys = redis.keys(prefix + "*");
		return keys.isEmpty() ? 0L : redis.del(keys.toArray(String[]::new));
	}

	private String[] properties(String prefix) {
		List<String> properties = new ArrayList<>(List.of("hpp.store.type=redis", "hpp.store.key-prefix=" + prefix));
		properties.addAll(this.connectionProperties);
		return HppBenchmarkApplication.properties(properties.toArray(String[]::new));
	}

	/**
	 * One agent's actions until the end of the run, alternately on each instance.
	 */
	private @Nullable Void act(Session session, List<Integer> ports, Map<String, Integer> acknowledged)
			throws InterruptedException {
		int value = 0;
		while (this.faults.isRunning()) {
			value++;
			HttpRequest request = request(ports.get(value % 2), "/handshake/action/" + session.id(), session.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"intervalMs\":0,\"actions\":[{\"type\":\"set\",\"key\":"
						+ "\"age\",\"value\":" + value + "}]}"))
				.build();
			if (this.answers.send(request).status() == 200) {
				acknowledged.put(session.id(), value);
			}
		}
		return null;
	}

	private Session create(int port) throws InterruptedException {
		HttpRequest request = request(port, "/handshake/session", null).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"mode\":\"form-fill\",\"schema\":[{\"key\":\"age\",\"type\":\"int\"}],"
						+ "\"context\":{\"age\":null}}"))
			.build();
		JsonNode created = json.readTree(this.setup.send(request).body());
		return new Session(created.get("sessionId").asString(), created.get("token").asString());
	}

	private int age(int port, Session session) throws InterruptedException {
		HttpRequest request = request(port, "/handshake/context/" + session.id(), session.token()).build();
		return json.readTree(this.setup.send(request).body()).at("/context/age/value").asInt();
	}

	private static HttpRequest.Builder request(int port, String path, @Nullable String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		return (token != null) ? builder.header("X-Handshake-Token", token) : builder;
	}

	private record Session(String id, String token) {
	}

	/**
	 * Deletes a run's keys from the Redis it ran on.
	 */
	@FunctionalInterface
	private interface KeyCleanup {

		void delete(String prefix);

	}

}
