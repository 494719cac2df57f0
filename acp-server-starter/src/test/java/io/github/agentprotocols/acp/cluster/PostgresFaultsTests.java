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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.acp.socketio.TestSocket;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.testsupport.PostgresServer;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

	private static final Duration POST_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration PACE = Duration.ofMillis(50);

	private static final Duration TRAFFIC_AROUND = Duration.ofSeconds(1);

	private static final int CUTS = 20;

	static final PostgresServer server = PostgresServer.start();

	static ClusterInstance a;

	static ClusterInstance b;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				"spring.r2dbc.url=" + server.r2dbcUrl(), "acp.cluster.transport=postgres",
				"acp.cluster.probe-interval=1s");
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
				return new Outcome(response.statusCode(), AcpJson.parse(response.body()).get("id").stringValue(), null);
			}
			return new Outcome(response.statusCode(), null, response.body()
					+ response.headers().firstValue("Retry-After").map((after) -> " Retry-After " + after).orElse(""));
		}
		catch (HttpTimeoutException ex) {
			return new Outcome(0, null, "no answer within " + POST_TIMEOUT.toSeconds() + " s");
		}
		catch (IOException ex) {
			return new Outcome(0, null, ex.toString());
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
	 * A thread with a socket joined on each instance and the traffic posting to it.
	 */
	private final class Load {

		private final String thread = a.createThread("alice");

		private final List<String> before = storedEventIds(this.thread);

		private final TestSocket onA = join(a, this.thread);

		private final TestSocket onB = join(b, this.thread);

		private final Traffic traffic = new Traffic(this.thread);

		/**
		 * Asserts that every post was answered and every acknowledged event stored and on
		 * both sockets, each event of the thread once; reports the counts.
		 */
		void check(String fault, long start) {
			Collection<Outcome> outcomes = this.traffic.outcomes();
			List<String> acknowledged = outcomes.stream()
				.map(Outcome::id)
				.filter((id) -> id != null)
				.map(String.class::cast)
				.toList();
			List<Outcome> refused = outcomes.stream().filter((outcome) -> outcome.id() == null).toList();
			assertThat(acknowledged).isNotEmpty();
			assertThat(refused).as("posts not acknowledged: each a 503 in the error shape with Retry-After")
				.allSatisfy(Outcome::isRetryableError);
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
					seconds(this.traffic.notListeningOfA.get()), seconds(this.traffic.notListeningOfB.get()), delivered,
					seconds(System.nanoTime() - start));
		}

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
			if (!this.stopped.compareAndSet(false, true)) {
				return;
			}
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

	}

	/**
	 * What one post got: its status (0 without an answer) and the event's id, or the
	 * error (the body, or why there was none).
	 */
	private record Outcome(int status, @Nullable String id, @Nullable String error) {

		void isRetryableError() {
			assertThat(this.status).as("%s", this.error).isEqualTo(503);
			JsonNode body = AcpJson.parse(this.error.substring(0, this.error.lastIndexOf('}') + 1));
			assertThat(body.get("error").get("code").isString()).as(this.error).isTrue();
			assertThat(body.get("detail").isString()).as(this.error).isTrue();
			assertThat(this.error).contains("Retry-After");
		}

	}

}
