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

package io.github.agentprotocols.acp.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.socketio.TestSocket;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.github.agentprotocols.testsupport.UsesRedisCluster;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL database relaying over Redis pub/sub, a Socket.IO
 * client on each, and a stream of messages posted through both while the Redis under the
 * relays' subscriptions changes hands. On a Redis Cluster that is a {@code CLUSTER
 * FAILOVER} of every master, one after the other, each waited for until its replica is
 * master in every node's view and every node reports {@code cluster_state:ok}, which
 * leaves three masters with a replica each; so the node each relay subscribed on (found
 * by the instances' client names) changes role whichever it was. It runs on the cluster
 * for faults, held alone, so that no other test class meets the failovers. A stand-alone
 * Redis has no replica to fail over to: there the test runs its counterpart, the server
 * dropping both relays' subscriber connections ({@code CLIENT KILL}). Either way every
 * post is answered, both sockets end with every event the thread logged, each once, and
 * neither instance restarts.
 */
@UsesRedis
@UsesRedisCluster
@UsesPostgres
class RedisClusterFailoverTests {

	private static final Duration POST_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration PACE = Duration.ofMillis(100);

	private static final Duration TRAFFIC_AROUND = Duration.ofSeconds(1);

	static final AcpTestDatabase database = AcpTestDatabase.create(RedisClusterFailoverTests.class);

	static final String clientNameOfA = "acp-failover-a-" + UUID.randomUUID();

	static final String clientNameOfB = "acp-failover-b-" + UUID.randomUUID();

	static @Nullable RedisCluster faults;

	static @Nullable AutoCloseable hold;

	static ClusterInstance a;

	static ClusterInstance b;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<TestSocket> sockets = new ArrayList<>();

	@BeforeAll
	static void startInstances() {
		String redis = RedisFixture.connectionProperty();
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			RedisCluster cluster = RedisCluster.forFaults();
			hold = cluster.exclusively();
			cluster.awaitHealthy();
			faults = cluster;
			redis = cluster.connectionProperty();
		}
		a = start(redis, clientNameOfA);
		b = start(redis, clientNameOfB);
	}

	@AfterAll
	static void stopInstances() throws Exception {
		try {
			a.close();
			b.close();
			database.close();
		}
		finally {
			if (hold != null) {
				hold.close();
			}
		}
	}

	static ClusterInstance start(String redis, String clientName) {
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				"spring.r2dbc.url=" + database.r2dbcUrl(), redis, "spring.data.redis.client-name=" + clientName,
				"acp.cluster.transport=redis");
	}

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	void socketsOnBothInstancesEndWithEveryAcknowledgedEventWhenTheRedisUnderTheSubscriptionsFailsOver()
			throws Exception {
		long start = System.nanoTime();
		String nodeOfA = a.relay().node();
		String nodeOfB = b.relay().node();
		String thread = a.createThread("alice");
		List<String> before = a.eventIds("alice", thread);
		TestSocket onA = join(a, thread);
		TestSocket onB = join(b, thread);
		Traffic traffic = new Traffic(thread);
		Disruption disruption;
		try {
			Thread.sleep(TRAFFIC_AROUND.toMillis());
			disruption = disrupt();
			Thread.sleep(TRAFFIC_AROUND.toMillis());
		}
		finally {
			traffic.stop();
		}
		List<String> acknowledged = traffic.outcomes()
			.stream()
			.map(Outcome::id)
			.filter((id) -> id != null)
			.map(String.class::cast)
			.toList();
		assertThat(traffic.outcomes()).as("every post answered")
			.allSatisfy((outcome) -> assertThat(outcome.id() != null || !outcome.hung()).as("%s", outcome.error())
				.isTrue());
		assertThat(acknowledged).isNotEmpty();
		long stopped = System.nanoTime();
		for (TestSocket socket : List.of(onA, onB)) {
			await().atMost(ClusterContractTests.WAIT)
				.untilAsserted(() -> assertThat(eventIds(socket)).as((socket == onA) ? "socket on A" : "socket on B")
					.containsAll(acknowledged));
		}
		double delivered = seconds(System.nanoTime() - stopped);
		List<String> log = new ArrayList<>(a.eventIds("alice", thread));
		log.removeAll(before);
		assertThat(log).containsAll(acknowledged);
		assertThat(eventIds(onA)).as("socket on A").containsExactlyInAnyOrderElementsOf(log);
		assertThat(eventIds(onB)).as("socket on B").containsExactlyInAnyOrderElementsOf(log);
		assertThat(a.isRunning() && b.isRunning()).as("neither instance restarted").isTrue();
		assertThat(a.relay().node()).isEqualTo(nodeOfA);
		assertThat(b.relay().node()).isEqualTo(nodeOfB);
		await().atMost(ClusterContractTests.WAIT).until(() -> a.relay().isListening() && b.relay().isListening());
		if (faults != null) {
			faults.awaitHealthy();
		}
		System.out.printf(
				"Redis %s, %s: %d posts, %d acknowledged, %d errors; received on A %d, on B %d; disruption %.1f s,"
						+ " relays not listening A %.1f s, B %.1f s; every acknowledged event on both sockets %.1f s"
						+ " after the traffic stopped; test %.1f s%n",
				RedisFixture.topology(), disruption.description(), traffic.outcomes().size(), acknowledged.size(),
				traffic.outcomes().size() - acknowledged.size(), eventIds(onA).size(), eventIds(onB).size(),
				disruption.seconds(), seconds(traffic.notListeningOfA().get()),
				seconds(traffic.notListeningOfB().get()), delivered, seconds(System.nanoTime() - start));
	}

	/**
	 * Fails every master of the cluster over, or kills the subscriber connections of a
	 * stand-alone server.
	 */
	private Disruption disrupt() {
		long start = System.nanoTime();
		RedisCluster cluster = faults;
		if (cluster != null) {
			RedisServers nodes = RedisServers.of(cluster);
			List<String> subscribed = Stream.of(clientNameOfA, clientNameOfB)
				.flatMap((name) -> nodes.subscribedBy(name).stream())
				.toList();
			assertThat(subscribed).as("one subscription per relay").hasSize(2);
			List<String> failovers = new ArrayList<>();
			for (String master : cluster.masters()) {
				failovers.add(master + " to " + cluster.failOver(master));
			}
			return new Disruption("failed over " + failovers + " (subscriptions on " + subscribed + ")",
					seconds(System.nanoTime() - start));
		}
		RedisServers server = RedisServers.ofTopology();
		assertThat(server.killSubscribers(clientNameOfA) + server.killSubscribers(clientNameOfB))
			.as("one subscription per relay")
			.isEqualTo(2);
		return new Disruption("killed both subscriber connections", seconds(System.nanoTime() - start));
	}

	private TestSocket join(ClusterInstance instance, String thread) {
		TestSocket socket = TestSocket.open(instance.url(), "websocket", "alice").connected();
		this.sockets.add(socket);
		assertThat(socket.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}").get("replayed").isEmpty()).isTrue();
		return socket;
	}

	private static List<String> eventIds(TestSocket socket) {
		return socket.received("event").stream().map((event) -> event.get("id").stringValue()).toList();
	}

	private Outcome post(ClusterInstance instance, String thread, String text) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(instance.url() + "/acp/threads/" + thread + "/messages"))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"content\":[{\"type\":\"text\",\"text\":" + AcpJson.write(text) + "}]}"))
			.header("Content-Type", "application/json")
			.header("x-user", "alice")
			.timeout(POST_TIMEOUT)
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return new Outcome(AcpJson.parse(response.body()).get("id").stringValue(), null, false);
			}
			return new Outcome(null, response.statusCode() + " " + response.body(), false);
		}
		catch (HttpTimeoutException ex) {
			return new Outcome(null, "no answer within " + POST_TIMEOUT.toSeconds() + " s", true);
		}
		catch (IOException ex) {
			return new Outcome(null, ex.toString(), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/**
	 * Messages posted through A and B, one at a time each, every {@link #PACE}, until
	 * stopped; meanwhile how long each relay was not listening.
	 */
	private final class Traffic {

		private final ExecutorService executor = Executors.newFixedThreadPool(3);

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final Collection<Outcome> outcomes = new ConcurrentLinkedQueue<>();

		private final AtomicLong notListeningOfA = new AtomicLong();

		private final AtomicLong notListeningOfB = new AtomicLong();

		private final List<Future<?>> tasks = new ArrayList<>();

		Traffic(String thread) {
			for (Map.Entry<String, ClusterInstance> instance : Map.of("A", a, "B", b).entrySet()) {
				this.tasks.add(this.executor.submit(() -> {
					for (int i = 0; !this.stopped.get(); i++) {
						this.outcomes.add(post(instance.getValue(), thread, instance.getKey() + " " + i));
						Thread.sleep(PACE.toMillis());
					}
					return null;
				}));
			}
			this.tasks.add(this.executor.submit(() -> {
				long sampled = System.nanoTime();
				while (!this.stopped.get()) {
					Thread.sleep(10);
					long now = System.nanoTime();
					if (!a.relay().isListening()) {
						this.notListeningOfA.addAndGet(now - sampled);
					}
					if (!b.relay().isListening()) {
						this.notListeningOfB.addAndGet(now - sampled);
					}
					sampled = now;
				}
				return null;
			}));
		}

		void stop() throws Exception {
			this.stopped.set(true);
			try {
				for (Future<?> task : this.tasks) {
					task.get(POST_TIMEOUT.multipliedBy(2).toSeconds(), TimeUnit.SECONDS);
				}
			}
			finally {
				this.executor.shutdownNow();
			}
		}

		Collection<Outcome> outcomes() {
			return this.outcomes;
		}

		AtomicLong notListeningOfA() {
			return this.notListeningOfA;
		}

		AtomicLong notListeningOfB() {
			return this.notListeningOfB;
		}

	}

	/**
	 * What one post got: the event's id, or an error (a status and body, or why there was
	 * none).
	 */
	private record Outcome(@Nullable String id, @Nullable String error, boolean hung) {

	}

	private record Disruption(String description, double seconds) {

	}

}
