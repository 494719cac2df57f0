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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.benchmarks.acp.AcpBenchDatabase;
import io.github.agentprotocols.benchmarks.acp.AcpBenchmarkApplication;
import io.github.agentprotocols.benchmarks.acp.BenchThreads;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.SocketIoRoomServer;
import io.github.agentprotocols.benchmarks.load.EngineIoSockets;
import io.github.agentprotocols.testsupport.PostgresServer;
import io.github.agentprotocols.testsupport.RedisCluster;
import org.jspecify.annotations.Nullable;

/**
 * ACP on two instances sharing one PostgreSQL database, their cluster relay through a
 * Redis Cluster or the database, under messages while a fault is injected again and
 * again: one poster per instance posts a message to one thread every
 * {@value #PACE_MILLIS} ms, and one Socket.IO client on each instance has joined the
 * thread. Afterwards every message answered {@code 201} must have reached both clients
 * exactly once: a receipt missing after the wait is counted as lost, one more than once
 * as duplicated. Where the fault kills the second instance, only the first's client
 * counts, and the runs left on the killed instance are counted as well
 * ({@link OrphanedRuns}, printed after the run).
 */
public final class AcpUnderFaults {

	/** The load's name, which {@code -Dbench.include} matches. */
	public static final String NAME = "AcpUnderFaults";

	private static final long PACE_MILLIS = 50;

	private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

	private static final List<String> POSTGRES_RELAY = List.of("acp.cluster.transport=postgres",
			"acp.cluster.probe-interval=1s");

	private final String scenario;

	private final Supplier<AcpBenchDatabase> database;

	private final List<String> relayProperties;

	private final Instance.Launcher second;

	private final @Nullable OrphanedRuns killedRuns;

	private final FaultSchedule faults;

	private final Answers answers = new Answers();

	private AcpUnderFaults(String scenario, Supplier<AcpBenchDatabase> database, List<String> relayProperties,
			Fault fault, Duration duration, Duration interval, int minimum) {
		this(scenario, database, relayProperties, Instance.Launcher.IN_THIS_JVM, null, fault, duration, interval,
				minimum);
	}

	private AcpUnderFaults(String scenario, Supplier<AcpBenchDatabase> database, List<String> relayProperties,
			Instance.Launcher second, @Nullable OrphanedRuns killedRuns, Fault fault, Duration duration,
			Duration interval, int minimum) {
		this.scenario = scenario;
		this.database = database;
		this.relayProperties = relayProperties;
		this.second = second;
		this.killedRuns = killedRuns;
		this.faults = new FaultSchedule(fault, duration, interval, minimum);
	}

	/**
	 * With the relay on a Redis Cluster, its masters failed over in turn.
	 * @param cluster the cluster, held for faults by the caller
	 * @param duration how long failovers go on at the least (the load goes on one
	 * interval more)
	 * @param interval the time between two failovers
	 * @param minimum the fewest failovers, however long they take
	 * @return the run, not started
	 */
	public static AcpUnderFaults clusterFailovers(RedisCluster cluster, Duration duration, Duration interval,
			int minimum) {
		return new AcpUnderFaults("acp-redis-cluster-relay", AcpBenchDatabase::create,
				List.of("acp.cluster.transport=redis", cluster.connectionProperty()), new ClusterFailover(cluster),
				duration, interval, minimum);
	}

	/**
	 * On a PostgreSQL server of the driver's own, relaying through it, every connection
	 * of the application cut with {@code pg_terminate_backend} again and again.
	 * @param server the server, never the shared test database
	 * @param duration how long cuts go on at the least (the load goes on one interval
	 * more)
	 * @param interval the time between two cuts
	 * @param minimum the fewest cuts
	 * @return the run, not started
	 */
	public static AcpUnderFaults postgresConnectionsCut(PostgresServer server, Duration duration, Duration interval,
			int minimum) {
		return onPostgres(server, Fault.of("pg-terminate", server::terminateConnections), duration, interval, minimum);
	}

	/**
	 * On a PostgreSQL server of the driver's own, relaying through it, the server
	 * restarted again and again.
	 * @param server the server, never the shared test database
	 * @param duration how long restarts go on at the least (the load goes on one interval
	 * more)
	 * @param interval the time between two restarts
	 * @param minimum the fewest restarts
	 * @return the run, not started
	 */
	public static AcpUnderFaults postgresRestarts(PostgresServer server, Duration duration, Duration interval,
			int minimum) {
		return onPostgres(server, Fault.of("pg-restart", server::restart), duration, interval, minimum);
	}

	private static AcpUnderFaults onPostgres(PostgresServer server, Fault fault, Duration duration, Duration interval,
			int minimum) {
		return new AcpUnderFaults("acp-postgres-relay", () -> AcpBenchDatabase.create(server.r2dbcUrl()),
				POSTGRES_RELAY, fault, duration, interval, minimum);
	}

	/**
	 * On the configured PostgreSQL database, relaying through it, the second instance, a
	 * JVM of its own, killed with {@code SIGKILL} while it has runs in progress and
	 * started again on its port, again and again; the first instance's watchdog
	 * ({@code acp.watchdog.interval=1s}, {@code acp.watchdog.grace=2s}) fails the runs.
	 * @param duration how long kills go on at the least (the load goes on one interval
	 * more)
	 * @param interval the time between a restarted instance serving and the next kill
	 * @param minimum the fewest kills
	 * @return the run, not started
	 */
	public static AcpUnderFaults instanceKills(Duration duration, Duration interval, int minimum) {
		OrphanedRuns runs = new OrphanedRuns(Duration.ofSeconds(1), Duration.ofSeconds(2));
		InstanceKill kill = new InstanceKill(runs);
		List<String> properties = new ArrayList<>(POSTGRES_RELAY);
		properties.addAll(runs.watchdogProperties());
		return new AcpUnderFaults("acp-postgres-relay", AcpBenchDatabase::create, properties, kill, runs, kill,
				duration, interval, minimum);
	}

	/**
	 * Runs the load and the faults.
	 * @return what was counted
	 * @throws Exception if the run could not be driven
	 */
	public FaultReport run() throws Exception {
		ExecutorService posters = Executors.newFixedThreadPool(2);
		String[] relay = this.relayProperties.toArray(String[]::new);
		try (AcpBenchDatabase database = this.database.get();
				Running a = AcpBenchmarkApplication.start(database, relay);
				Instance b = this.second.launch(AcpBenchmarkApplication.class,
						AcpBenchmarkApplication.properties(database, relay))) {
			String thread = BenchThreads.create(a.context().getBean(ThreadStore.class));
			List<Receipts> receipts = (this.killedRuns != null) ? List.of(new Receipts())
					: List.of(new Receipts(), new Receipts());
			if (this.killedRuns != null) {
				this.killedRuns.survivor(a.port());
			}
			try (EngineIoSockets onA = join(a.port(), thread, receipts.get(0));
					EngineIoSockets onB = (receipts.size() > 1) ? join(b.port(), thread, receipts.get(1)) : null) {
				Set<String> acknowledged = ConcurrentHashMap.newKeySet();
				long start = System.nanoTime();
				List<Future<Void>> traffic = List.of(a.port(), b.port())
					.stream()
					.map((port) -> posters.submit(() -> post(port, thread, acknowledged)))
					.toList();
				this.faults.run();
				for (Future<Void> poster : traffic) {
					poster.get();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
				while (receipts.stream().anyMatch((received) -> received.missing(acknowledged) > 0)
						&& System.nanoTime() < deadline) {
					Thread.sleep(100);
				}
				long lost = receipts.stream().mapToLong((received) -> received.missing(acknowledged)).sum();
				long duplicated = receipts.stream().mapToLong(Receipts::duplicated).sum();
				if (this.killedRuns != null) {
					System.out.println(NAME + ", " + this.faults.name() + ": " + this.killedRuns.summary());
				}
				return FaultReport.of(this.scenario, this.faults, seconds, this.answers, acknowledged.size(), lost,
						duplicated);
			}
		}
		finally {
			posters.shutdownNow();
		}
	}

	private static EngineIoSockets join(int port, String thread, Receipts receipts) {
		EngineIoSockets socket = EngineIoSockets.connect(URI.create("ws://127.0.0.1:" + port + "/socket.io/"), 1, 1,
				receipts);
		socket.emitFromEach(SocketIoRoomServer.JOIN, "{\"thread_id\":\"" + thread + "\"}");
		return socket;
	}

	/**
	 * One instance's messages until the end of the run, one every {@value #PACE_MILLIS}
	 * ms.
	 */
	private @Nullable Void post(int port, String thread, Set<String> acknowledged) throws InterruptedException {
		URI uri = URI.create("http://127.0.0.1:" + port + "/acp/threads/" + thread + "/messages");
		int sent = 0;
		while (this.faults.isRunning()) {
			String clientId = port + "-" + (++sent);
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"client_id\":\"" + clientId + "\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}"))
				.build();
			if (this.answers.send(request).status() == 201) {
				acknowledged.add(clientId);
			}
			TimeUnit.MILLISECONDS.sleep(PACE_MILLIS);
		}
		return null;
	}

	/**
	 * The messages one client received, by client id, and how many times each.
	 */
	private static final class Receipts implements EngineIoSockets.EventListener {

		private static final String CLIENT_ID = "\"client_id\":\"";

		private final Map<String, Integer> received = new ConcurrentHashMap<>();

		@Override
		public void received(String packet, long receivedNanos) {
			int start = packet.indexOf(CLIENT_ID);
			if (start >= 0) {
				start += CLIENT_ID.length();
				this.received.merge(packet.substring(start, packet.indexOf('"', start)), 1, Integer::sum);
			}
		}

		long missing(Set<String> acknowledged) {
			return acknowledged.stream().filter((clientId) -> !this.received.containsKey(clientId)).count();
		}

		long duplicated() {
			return this.received.values().stream().filter((count) -> count > 1).count();
		}

	}

}
