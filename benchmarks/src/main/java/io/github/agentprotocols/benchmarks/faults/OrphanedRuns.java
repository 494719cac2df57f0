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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.benchmarks.acp.AcpBenchmarkApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs in progress on an ACP instance when it is killed, and their end on the survivor:
 * before each kill, {@value #RUNS} runs of the assistant that never finishes
 * ({@value AcpBenchmarkApplication#STALLED_ASSISTANT}), each on a thread of its own,
 * invoked on that instance and awaited {@code running}; after it, the survivor asked
 * every {@value #POLL_MILLIS} ms until each run is no longer {@code pending} or
 * {@code running} (its watchdog fails it with {@code timeout}), for at most {@link #WAIT}
 * beyond the watchdog's bound, {@code interval × 2 + grace}. Counts the runs left on the
 * killed instance, those failed with {@code timeout}, those still {@code pending} or
 * {@code running} at the end of the wait, and the longest time from a kill to a failure.
 */
final class OrphanedRuns implements InstanceKill.Around {

	private static final int RUNS = 3;

	private static final String UNKNOWN = "unknown";

	private static final long POLL_MILLIS = 50;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Duration interval;

	private final Duration grace;

	private final Answers requests = new Answers();

	private final List<String> runs = new ArrayList<>();

	private int survivorPort;

	private int left;

	private int failed;

	private int open;

	private long maxFailedMillis;

	OrphanedRuns(Duration interval, Duration grace) {
		this.interval = interval;
		this.grace = grace;
	}

	/**
	 * The watchdog's settings, for every instance.
	 * @return the {@code key=value} properties
	 */
	List<String> watchdogProperties() {
		return List.of("acp.watchdog.interval=" + this.interval.toMillis() + "ms",
				"acp.watchdog.grace=" + this.grace.toMillis() + "ms");
	}

	/**
	 * Names the instance that survives the kills, where the runs' end is read.
	 * @param port its port
	 */
	void survivor(int port) {
		this.survivorPort = port;
	}

	@Override
	public void before(int port) throws InterruptedException {
		this.runs.clear();
		String assistant = AcpBenchmarkApplication.STALLED_ASSISTANT;
		for (int i = 0; i < RUNS; i++) {
			String thread = send(port, "/threads", "{}").get("id").asString();
			send(port, "/threads/" + thread + "/members", "{\"identity\":{\"role\":\"assistant\",\"id\":\"" + assistant
					+ "\",\"name\":\"" + assistant + "\"}}");
			this.runs
				.add(send(port, "/threads/" + thread + "/invocations", "{\"assistant_ids\":[\"" + assistant + "\"]}")
					.at("/runs/0/id")
					.asString());
		}
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!allRunning(port) && System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
		}
		this.left += this.runs.size();
	}

	@Override
	public void after(long killedNanos) throws InterruptedException {
		List<String> waiting = new ArrayList<>(this.runs);
		long deadline = killedNanos + bound().plus(WAIT).toNanos();
		while (!waiting.isEmpty() && System.nanoTime() < deadline) {
			for (Iterator<String> runs = waiting.iterator(); runs.hasNext();) {
				JsonNode run = run(this.survivorPort, runs.next());
				String status = run.path("status").asString();
				if (!List.of("pending", "running", UNKNOWN).contains(status)) {
					runs.remove();
					if ("failed".equals(status) && "timeout".equals(run.at("/error/code").asString())) {
						this.failed++;
						this.maxFailedMillis = Math.max(this.maxFailedMillis,
								TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedNanos));
					}
				}
			}
			TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
		}
		this.open += waiting.size();
	}

	/**
	 * What was counted, on one line.
	 * @return the counts, with the watchdog's bound
	 */
	String summary() {
		return String.format(Locale.ROOT,
				"runs left on the killed instance %d, failed with timeout by the survivor's watchdog %d, "
						+ "still pending or running %d s after the kill %d, longest from kill to failure %d ms "
						+ "(interval x 2 + grace %d ms)",
				this.left, this.failed, bound().plus(WAIT).toSeconds(), this.open, this.maxFailedMillis,
				bound().toMillis());
	}

	private Duration bound() {
		return this.interval.multipliedBy(2).plus(this.grace);
	}

	private boolean allRunning(int port) throws InterruptedException {
		for (String run : this.runs) {
			if (!"running".equals(run(port, run).path("status").asString())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A run as an instance reads it; its status {@value #UNKNOWN} when it did not answer.
	 */
	private JsonNode run(int port, String id) throws InterruptedException {
		Answers.Answer answer = this.requests.send(request(port, "/runs/" + id).build());
		return (answer.status() == 200) ? json.readTree(answer.body()) : json.createObjectNode().put("status", UNKNOWN);
	}

	private JsonNode send(int port, String path, String body) throws InterruptedException {
		Answers.Answer answer = this.requests.send(request(port, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		if (answer.status() / 100 != 2) {
			throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
		}
		return json.readTree(answer.body());
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/acp" + path));
	}

}
