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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.github.agentprotocols.acp.socketio.TestSocket;
import io.github.agentprotocols.testsupport.PostgresServer;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database of a PostgreSQL server of the test's own, relaying
 * through it ({@code acp.cluster.transport=postgres}), a Socket.IO client on each, and
 * messages posted through both while the database fails under them: every connection of
 * the application cut with {@code pg_terminate_backend} 20 times, or the server
 * restarted. Every post is answered, with its event or a 503 in the protocol's error
 * shape; every acknowledged event is stored and reaches both sockets, each event of the
 * thread exactly once; neither instance restarts.
 */
@UsesPostgres
class PostgresFaultsTests {

	private static final Duration PACE = Duration.ofMillis(50);

	private static final Duration TRAFFIC_AROUND = Duration.ofSeconds(1);

	private static final int CUTS = 20;

	static final PostgresServer server = PostgresServer.start();

	static ClusterInstance a;

	static ClusterInstance b;

	private final List<TestSocket> sockets = new ArrayList<>();

	@BeforeAll
	static void startInstances() {
		a = start();
		b = start();
	}

	@AfterAll
	static void stopInstances() {
		try {
			a.close();
			b.close();
		}
		finally {
			server.close();
		}
	}

	private static ClusterInstance start() {
		// The server is the test's own and starts empty: the starter creates the tables.
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				"spring.r2dbc.url=" + server.r2dbcUrl(), "acp.store.initialize-schema=always",
				"acp.cluster.transport=postgres", "acp.cluster.probe-interval=1s");
	}

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	void everyAcknowledgedEventReachesBothSocketsOnceWhenEveryConnectionIsCutRepeatedly() throws Exception {
		long start = System.nanoTime();
		Load load = new Load();
		int terminated = 0;
		try {
			Thread.sleep(TRAFFIC_AROUND.toMillis());
			for (int cut = 0; cut < CUTS; cut++) {
				terminated += server.terminateConnections();
				awaitBothListening(Instant.now());
			}
			Thread.sleep(TRAFFIC_AROUND.toMillis());
		}
		finally {
			load.traffic.stop();
		}
		load.check(CUTS + " cuts, " + terminated + " backends terminated", start);
	}

	@Test
	void everyAcknowledgedEventReachesBothSocketsOnceWhenTheServerRestarts() throws Exception {
		long start = System.nanoTime();
		Load load = new Load();
		try {
			Thread.sleep(TRAFFIC_AROUND.toMillis());
			long restart = System.nanoTime();
			server.restart();
			double restarted = seconds(System.nanoTime() - restart);
			awaitBothListening(Instant.now());
			Thread.sleep(TRAFFIC_AROUND.toMillis());
			load.traffic.stop();
			load.check(String.format("restart (%.1f s down)", restarted), start);
		}
		finally {
			load.traffic.stop();
		}
	}

	/**
	 * Waits until each relay listens again: both hear a probe after the fault ended their
	 * old connections, the one they send on each new connection or their next periodic
	 * one (every second here).
	 */
	private static void awaitBothListening(Instant faultEnded) {
		await().atMost(ClusterContractTests.WAIT)
			.until(() -> hearsSince(a.relay(), faultEnded) && hearsSince(b.relay(), faultEnded));
	}

	private static boolean hearsSince(AcpClusterRelay relay, Instant since) {
		Instant heard = relay.heard();
		return relay.isListening() && heard != null && heard.isAfter(since);
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

	/** The ids of the thread's events as stored, read past the application. */
	private static List<String> storedEventIds(String thread) {
		String ids = server.execute("SELECT id FROM acp_events WHERE thread_id = '" + thread + "'");
		return ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n"));
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/**
	 * A thread with a socket joined on each instance and the traffic posting to it.
	 */
	private final class Load {

		private final String thread = a.createThread("alice");

		private final List<String> before = storedEventIds(this.thread);

		private final TestSocket onA = join(a, this.thread);

		private final TestSocket onB = join(b, this.thread);

		private final MessageTraffic traffic = new MessageTraffic(a, b, this.thread, PACE);

		/**
		 * Asserts that every post was answered and every acknowledged event stored and on
		 * both sockets, each event of the thread once; reports the counts.
		 */
		void check(String fault, long start) {
			Collection<MessageTraffic.Outcome> outcomes = this.traffic.outcomes();
			List<String> acknowledged = this.traffic.acknowledged();
			List<MessageTraffic.Outcome> refused = outcomes.stream().filter((outcome) -> outcome.id() == null).toList();
			assertThat(acknowledged).isNotEmpty();
			assertThat(refused).as("posts not acknowledged: each a 503 in the error shape with Retry-After")
				.allSatisfy(MessageTraffic.Outcome::isRetryableError);
			long stopped = System.nanoTime();
			for (TestSocket socket : List.of(this.onA, this.onB)) {
				await().atMost(ClusterContractTests.WAIT)
					.untilAsserted(
							() -> assertThat(eventIds(socket)).as((socket == this.onA) ? "socket on A" : "socket on B")
								.containsAll(acknowledged));
			}
			double delivered = seconds(System.nanoTime() - stopped);
			List<String> log = new ArrayList<>(storedEventIds(this.thread));
			log.removeAll(this.before);
			assertThat(log).as("stored").containsAll(acknowledged);
			assertThat(eventIds(this.onA)).as("socket on A").containsExactlyInAnyOrderElementsOf(log);
			assertThat(eventIds(this.onB)).as("socket on B").containsExactlyInAnyOrderElementsOf(log);
			assertThat(a.isRunning() && b.isRunning()).as("neither instance restarted").isTrue();
			System.out.printf(
					"PostgreSQL %s: %d posts, %d acknowledged (201), %d refused (503); %d stored (%d committed"
							+ " but not acknowledged); received on A %d, on B %d; relays not listening A %.1f s,"
							+ " B %.1f s; every acknowledged event on both sockets %.1f s after the traffic stopped;"
							+ " test %.1f s%n",
					fault, outcomes.size(), acknowledged.size(), refused.size(), log.size(),
					log.size() - acknowledged.size(), eventIds(this.onA).size(), eventIds(this.onB).size(),
					this.traffic.secondsNotListeningOfA(), this.traffic.secondsNotListeningOfB(), delivered,
					seconds(System.nanoTime() - start));
		}

	}

}
