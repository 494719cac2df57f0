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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.socketio.TestSocket;
import io.github.agentprotocols.testsupport.ApplicationProcess;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL database (its {@code LISTEN}/{@code NOTIFY} relay), one
 * of them a JVM of its own that is killed with {@code SIGKILL} while runs of its executor
 * are in progress and messages are posted to both: the watchdog of the survivor fails
 * each orphaned run with {@code timeout} within its interval plus grace plus one interval
 * (spec §6.9), none is left running, the survivor's Socket.IO client receives each run's
 * {@code run.failed} event and {@code run:updated}, nothing is appended after it, the
 * assistant can be invoked again on the thread, and every message acknowledged before or
 * after the kill is in the log and on the socket.
 */
@UsesPostgres
class AcpInstanceKilledTests {

	private static final Log logger = LogFactory.getLog(AcpInstanceKilledTests.class);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private static final Duration GRACE = Duration.ofSeconds(2);

	private static final int RUNS = 3;

	static final AcpTestDatabase database = AcpTestDatabase.create(AcpInstanceKilledTests.class);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ApplicationProcess victim;

	private ClusterInstance survivor;

	private TestSocket socket;

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@BeforeEach
	void start() {
		String[] properties = { "spring.r2dbc.url=" + database.r2dbcUrl(), "acp.watchdog.interval=" + INTERVAL,
				"acp.watchdog.grace=" + GRACE, "acp.shutdown.grace=1s", "server.port=0",
				"spring.main.banner-mode=off" };
		// side by side: each takes seconds on a busy machine
		CompletableFuture<ClusterInstance> survivor = CompletableFuture.supplyAsync(
				() -> ClusterInstance.start(new SpringApplicationBuilder(KilledRunApplication.class), properties));
		try {
			this.victim = ApplicationProcess.start("acp-victim", KilledRunApplication.class, properties);
		}
		finally {
			this.survivor = survivor.join();
		}
	}

	@AfterEach
	void stop() {
		if (this.socket != null) {
			this.socket.close();
		}
		this.victim.close();
		this.survivor.close();
	}

	@Test
	void runsOfAKilledInstanceAreFailedByTheWatchdogOfTheOtherAndItsClientsSeeIt() throws Exception {
		List<String> threads = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			String thread = this.survivor.send("alice", "POST", "/threads", "{}").get("id").stringValue();
			this.survivor.send("alice", "POST", "/threads/" + thread + "/members",
					"{\"identity\":{\"role\":\"assistant\",\"id\":\"slow\",\"name\":\"slow\"}}");
			threads.add(thread);
		}
		this.socket = TestSocket.open(this.survivor.url(), "websocket", "alice").connected();
		for (String thread : threads) {
			this.socket.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
		}
		List<String> runs = new ArrayList<>();
		for (String thread : threads) {
			runs.add(onVictim("POST", "/threads/" + thread + "/invocations", "{\"assistant_ids\":[\"slow\"]}")
				.get("runs")
				.get(0)
				.get("id")
				.stringValue());
		}
		for (String run : runs) {
			this.socket.awaitReceived("event", (event) -> run.equals(event.path("run_id").asString())
					&& "message".equals(event.path("type").asString()));
		}
		assertThat(runs).allSatisfy((run) -> assertThat(this.survivor.runStatus("alice", run)).isEqualTo("running"));

		Messages messages = new Messages(threads.get(0));
		AtomicBoolean killed = new AtomicBoolean();
		AtomicBoolean running = new AtomicBoolean(true);
		CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> messages.post(running, killed));
		await().atMost(WAIT).until(() -> messages.acknowledged.size() >= 10);
		long killing = System.nanoTime();
		this.victim.kill();
		killed.set(true);
		Map<String, Long> failedAfter = new ConcurrentHashMap<>();
		Duration bound = INTERVAL.plus(GRACE).plus(INTERVAL);
		await().atMost(bound.plus(WAIT)).pollInterval(Duration.ofMillis(50)).until(() -> {
			for (String run : runs) {
				if (!failedAfter.containsKey(run) && "failed".equals(this.survivor.runStatus("alice", run))) {
					failedAfter.put(run, (System.nanoTime() - killing) / 1_000_000);
				}
			}
			return failedAfter.size() == RUNS;
		});
		int acknowledgedAtRecovery = messages.acknowledged.size();
		await().atMost(WAIT).until(() -> messages.acknowledged.size() >= acknowledgedAtRecovery + 10);
		running.set(false);
		posting.get();
		logger.info("Killed " + this.victim + "; its runs failed by the survivor's watchdog " + failedAfter.values()
				+ " ms after the kill (interval " + INTERVAL + ", grace " + GRACE + "); messages acknowledged "
				+ messages.acknowledged.size() + ", left unanswered by the victim " + messages.unanswered);

		// the bound, and as long again for the watchdog's queries on a busy machine (a
		// run at load 27 took 5.1 s)
		assertThat(failedAfter.values()).as("time from the kill to each run's failure, ms")
			.allSatisfy((millis) -> assertThat(millis).isLessThan(bound.multipliedBy(2).toMillis()));
		for (int i = 0; i < RUNS; i++) {
			String run = runs.get(i);
			JsonNode failed = this.survivor.send("alice", "GET", "/runs/" + run, null);
			assertThat(failed.at("/error/code").asString()).as(failed.toString()).isEqualTo("timeout");
			this.socket.awaitReceived("run:updated", (update) -> run.equals(update.path("id").asString())
					&& "failed".equals(update.path("status").asString()));
			this.socket.awaitReceived("event", (event) -> run.equals(event.path("run_id").asString())
					&& "run.failed".equals(event.path("type").asString()));
			List<String> ofRun = new ArrayList<>();
			this.survivor.events("alice", threads.get(i))
				.stream()
				.filter((event) -> run.equals(event.path("run_id").asString()))
				.forEach((event) -> ofRun.add(event.get("type").stringValue()));
			assertThat(ofRun).as("the run's events in the log").endsWith("run.failed").doesNotHaveDuplicates();
		}
		String again = this.survivor.invoke("alice", threads.get(1), "slow");
		assertThat(this.survivor.runStatus("alice", again)).as("the assistant is free again on the thread")
			.isIn("pending", "running");
		String last = this.survivor.postMessage("alice", threads.get(0), "last").get("id").stringValue();
		this.socket.awaitReceived("event", (event) -> last.equals(event.path("id").asString()));
		List<String> log = this.survivor.eventIds("alice", threads.get(0));
		assertThat(log).as("acknowledged messages in the log").containsAll(messages.acknowledged);
		List<String> heard = this.socket.received("event")
			.stream()
			.map((event) -> event.get("id").stringValue())
			.toList();
		assertThat(heard).as("acknowledged messages on the survivor's socket").containsAll(messages.acknowledged);
		assertThat(heard).as("events on the survivor's socket").doesNotHaveDuplicates();
	}

	private JsonNode onVictim(String method, String path, String body) {
		return ClusterInstance.send(this.http, this.victim.baseUrl() + "/acp", "alice", method, path, body);
	}

	/**
	 * Messages posted to one thread through both instances in turn, through the survivor
	 * alone once the victim is killed.
	 */
	private final class Messages {

		final List<String> acknowledged = new CopyOnWriteArrayList<>();

		final AtomicInteger unanswered = new AtomicInteger();

		private final String thread;

		Messages(String thread) {
			this.thread = thread;
		}

		void post(AtomicBoolean running, AtomicBoolean killed) {
			String path = "/threads/" + this.thread + "/messages";
			for (int n = 0; running.get(); n++) {
				String body = "{\"content\":[{\"type\":\"text\",\"text\":\"message " + n + "\"}]}";
				if (!killed.get() && n % 2 == 0) {
					try {
						this.acknowledged.add(onVictim("POST", path, body).get("id").stringValue());
					}
					catch (IllegalStateException ex) {
						this.unanswered.incrementAndGet();
					}
				}
				else {
					this.acknowledged.add(AcpInstanceKilledTests.this.survivor.send("alice", "POST", path, body)
						.get("id")
						.stringValue());
				}
			}
		}

	}

}
