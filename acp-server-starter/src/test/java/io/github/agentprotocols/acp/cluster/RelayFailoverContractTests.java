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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.socketio.TestSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL database relaying over Redis pub/sub, a Socket.IO
 * client on each, and a stream of messages posted through both while the Redis under the
 * relays' subscriptions changes hands ({@link #disrupt()}, one way per topology): every
 * post is answered, both sockets end with every event the thread logged, each once, and
 * neither instance restarts. The events live in PostgreSQL, so a Redis that loses its
 * last writes in the switch loses no event: the relays catch up from the database.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class RelayFailoverContractTests {

	private static final Duration PACE = Duration.ofMillis(100);

	private static final Duration TRAFFIC_AROUND = Duration.ofSeconds(1);

	final AcpTestDatabase database = AcpTestDatabase.create(getClass());

	final String clientNameOfA = "acp-failover-a-" + UUID.randomUUID();

	final String clientNameOfB = "acp-failover-b-" + UUID.randomUUID();

	private @Nullable AutoCloseable hold;

	ClusterInstance a;

	ClusterInstance b;

	private final List<TestSocket> sockets = new ArrayList<>();

	@BeforeAll
	void startInstances() {
		this.hold = exclusively();
		this.a = start(this.clientNameOfA);
		this.b = start(this.clientNameOfB);
	}

	@AfterAll
	void stopInstances() throws Exception {
		try {
			this.a.close();
			this.b.close();
			this.database.close();
		}
		finally {
			if (this.hold != null) {
				this.hold.close();
			}
		}
	}

	/**
	 * Holds the topology for this class alone, where it is one that tests disrupt.
	 * @return the hold, or {@code null}
	 */
	abstract @Nullable AutoCloseable exclusively();

	/**
	 * The Spring Boot properties that point an instance at the topology.
	 * @return the properties
	 */
	abstract List<String> connectionProperties();

	/**
	 * Changes the Redis under both relays' subscriptions while the traffic flows.
	 * @return what was done
	 */
	abstract Disruption disrupt();

	/**
	 * Waits until the topology is whole again after the test.
	 */
	void awaitHealthy() {
	}

	private ClusterInstance start(String clientName) {
		List<String> properties = new ArrayList<>(List.of("spring.r2dbc.url=" + this.database.r2dbcUrl(),
				"spring.data.redis.client-name=" + clientName, "acp.cluster.transport=redis"));
		properties.addAll(connectionProperties());
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				properties.toArray(String[]::new));
	}

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	void socketsOnBothInstancesEndWithEveryAcknowledgedEventWhenTheRedisUnderTheSubscriptionsFailsOver()
			throws Exception {
		ClusterInstance a = this.a;
		ClusterInstance b = this.b;
		long start = System.nanoTime();
		String nodeOfA = a.relay().node();
		String nodeOfB = b.relay().node();
		String thread = a.createThread("alice");
		List<String> before = a.eventIds("alice", thread);
		TestSocket onA = join(a, thread);
		TestSocket onB = join(b, thread);
		MessageTraffic traffic = new MessageTraffic(a, b, thread, PACE);
		Disruption disruption;
		try {
			Thread.sleep(TRAFFIC_AROUND.toMillis());
			disruption = disrupt();
			Thread.sleep(TRAFFIC_AROUND.toMillis());
		}
		finally {
			traffic.stop();
		}
		List<String> acknowledged = traffic.acknowledged();
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
		awaitHealthy();
		System.out.printf(
				"%s, %s: %d posts, %d acknowledged, %d errors; received on A %d, on B %d; disruption %.1f s,"
						+ " relays not listening A %.1f s, B %.1f s; every acknowledged event on both sockets %.1f s"
						+ " after the traffic stopped; test %.1f s%n",
				getClass().getSimpleName(), disruption.description(), traffic.outcomes().size(), acknowledged.size(),
				traffic.outcomes().size() - acknowledged.size(), eventIds(onA).size(), eventIds(onB).size(),
				disruption.seconds(), traffic.secondsNotListeningOfA(), traffic.secondsNotListeningOfB(), delivered,
				seconds(System.nanoTime() - start));
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

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/**
	 * What a disruption did and how long it took.
	 */
	record Disruption(String description, double seconds) {

	}

}
