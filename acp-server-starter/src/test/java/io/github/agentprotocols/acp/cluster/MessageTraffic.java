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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.acp.wire.AcpJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages posted to one thread through two instances, A and B, one at a time each, at a
 * pace, until stopped; meanwhile how long each instance's relay was not listening. Every
 * post's outcome is kept.
 */
final class MessageTraffic {

	private static final Duration POST_TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ExecutorService executor = Executors.newFixedThreadPool(3);

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final Collection<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	private final AtomicLong notListeningOfA = new AtomicLong();

	private final AtomicLong notListeningOfB = new AtomicLong();

	private final List<Future<?>> tasks = new ArrayList<>();

	/**
	 * Starts posting, as {@code alice}.
	 * @param a instance A
	 * @param b instance B
	 * @param thread the thread
	 * @param pace the time between two posts through one instance
	 */
	MessageTraffic(ClusterInstance a, ClusterInstance b, String thread, Duration pace) {
		for (Map.Entry<String, ClusterInstance> instance : Map.of("A", a, "B", b).entrySet()) {
			this.tasks.add(this.executor.submit(() -> {
				for (int i = 0; !this.stopped.get(); i++) {
					this.outcomes.add(post(instance.getValue(), thread, instance.getKey() + " " + i));
					Thread.sleep(pace.toMillis());
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

	/**
	 * Stops posting and waits for the posts in flight; does nothing once stopped.
	 */
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

	/**
	 * The ids of the events the posts were acknowledged with.
	 * @return the ids
	 */
	List<String> acknowledged() {
		return this.outcomes.stream().map(Outcome::id).filter((id) -> id != null).map(String.class::cast).toList();
	}

	/**
	 * How long A's relay was not listening.
	 * @return the time, in seconds
	 */
	double secondsNotListeningOfA() {
		return this.notListeningOfA.get() / 1e9;
	}

	/**
	 * How long B's relay was not listening.
	 * @return the time, in seconds
	 */
	double secondsNotListeningOfB() {
		return this.notListeningOfB.get() / 1e9;
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
				return new Outcome(response.statusCode(), AcpJson.parse(response.body()).get("id").stringValue(), null,
						false);
			}
			return new Outcome(response.statusCode(), null, response.body()
					+ response.headers().firstValue("Retry-After").map((after) -> " Retry-After " + after).orElse(""),
					false);
		}
		catch (HttpTimeoutException ex) {
			return new Outcome(0, null, "no answer within " + POST_TIMEOUT.toSeconds() + " s", true);
		}
		catch (IOException ex) {
			return new Outcome(0, null, ex.toString(), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What one post got: its status (0 without an answer) and the event's id, or the
	 * error (the body and any {@code Retry-After}, or why there was none), and whether it
	 * went unanswered past the timeout.
	 */
	record Outcome(int status, @Nullable String id, @Nullable String error, boolean hung) {

		/**
		 * Asserts that the post was refused with {@code 503} in the error shape, with
		 * {@code Retry-After}.
		 */
		void isRetryableError() {
			assertThat(this.status).as("%s", this.error).isEqualTo(503);
			JsonNode body = AcpJson.parse(this.error.substring(0, this.error.lastIndexOf('}') + 1));
			assertThat(body.get("error").get("code").isString()).as(this.error).isTrue();
			assertThat(body.get("detail").isString()).as(this.error).isTrue();
			assertThat(this.error).contains("Retry-After");
		}

	}

}
