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

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answers to the requests of a run under faults: how many of each status, how many
 * got none within {@value #TIMEOUT_SECONDS} s (or lost their connection without one), and
 * the longest wait.
 */
final class Answers {

	static final int TIMEOUT_SECONDS = 10;

	/** The status {@link #send} returns when there was no answer. */
	static final int NONE = -1;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
		.build();

	private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();

	private final AtomicLong unanswered = new AtomicLong();

	private final AtomicLong maxLatencyMillis = new AtomicLong();

	/**
	 * Sends a request, counting its answer.
	 * @param request the request, without a timeout (one is set here)
	 * @return the answer, or an answer with status {@link #NONE}
	 */
	Answer send(HttpRequest request) throws InterruptedException {
		HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true)
			.timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
			.build();
		long sent = System.nanoTime();
		try {
			HttpResponse<String> response = this.client.send(timed, HttpResponse.BodyHandlers.ofString());
			this.statuses.merge(response.statusCode(), 1L, Long::sum);
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			this.unanswered.incrementAndGet();
			return new Answer(NONE, "");
		}
		finally {
			this.maxLatencyMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent), Math::max);
		}
	}

	Map<Integer, Long> statuses() {
		return Map.copyOf(this.statuses);
	}

	long unanswered() {
		return this.unanswered.get();
	}

	long maxLatencyMillis() {
		return this.maxLatencyMillis.get();
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status, or {@link #NONE}
	 * @param body the body
	 */
	record Answer(int status, String body) {
	}

}
