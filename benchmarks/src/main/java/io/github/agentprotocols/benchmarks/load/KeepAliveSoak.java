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

package io.github.agentprotocols.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives agents that each hold one persistent HTTP/1.1 connection (an {@link HttpClient}
 * of their own) and send their requests one after the other, leaving an {@link IdleGaps
 * idle gap} before each. A request with no answer within the request timeout counts as
 * unanswered. Runs are bounded in count and in time.
 */
public final class KeepAliveSoak {

	private final int agents;

	private final IdleGaps gaps;

	private final Duration requestTimeout;

	private final Duration runLimit;

	/**
	 * Create a soak.
	 * @param agents how many agents, each with its own connection
	 * @param gaps the idle gaps before each request
	 * @param requestTimeout how long a request may wait for its answer
	 * @param runLimit the longest a run may take
	 */
	public KeepAliveSoak(int agents, IdleGaps gaps, Duration requestTimeout, Duration runLimit) {
		this.agents = agents;
		this.gaps = gaps;
		this.requestTimeout = requestTimeout;
		this.runLimit = runLimit;
	}

	/**
	 * Send {@code warmup} and then {@code requests} requests, shared among the agents.
	 * Every request counts as answered, unanswered or failed; latencies are recorded
	 * after the warm-up only.
	 * @param name the scenario name for the report
	 * @param warmup how many requests to send first without recording their latency
	 * @param requests how many requests to send after the warm-up
	 * @param agent makes an agent's request source, given the agent's client (it may send
	 * set-up requests through it, which are not counted)
	 * @return the report
	 * @throws InterruptedException if interrupted while waiting
	 * @throws TimeoutException if the run takes longer than its limit
	 */
	public SoakReport run(String name, int warmup, int requests, Agent agent)
			throws InterruptedException, TimeoutException {
		Run run = new Run(warmup, requests);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.agents; i++) {
			Thread thread = new Thread(() -> run.agent(agent), name + "-agent-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
		long deadline = run.start + this.runLimit.toNanos();
		for (Thread thread : threads) {
			thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			if (thread.isAlive()) {
				run.stopped = true;
				throw new TimeoutException(name + ": run exceeded " + this.runLimit);
			}
		}
		if (run.setupFailure.get() != null) {
			throw new IllegalStateException(name + ": an agent could not start", run.setupFailure.get());
		}
		return SoakReport.of(name, run.latencies, run.answeredInWarmup.get(), run.unanswered.get(), run.failed.get(),
				run.pastClientKeepAlive.get(), run.pastServerIdle.get(), System.nanoTime() - run.start);
	}

	/**
	 * Makes the request source of one agent.
	 */
	@FunctionalInterface
	public interface Agent {

		/**
		 * Start an agent.
		 * @param client the agent's own client
		 * @return the agent's next request on each call
		 * @throws Exception if the agent cannot start
		 */
		Supplier<HttpRequest> start(HttpClient client) throws Exception;

	}

	private final class Run {

		final AtomicInteger tickets;

		final int measured;

		final Histogram latencies = new ConcurrentHistogram(3);

		final AtomicLong answeredInWarmup = new AtomicLong();

		final AtomicLong unanswered = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final AtomicLong pastClientKeepAlive = new AtomicLong();

		final AtomicLong pastServerIdle = new AtomicLong();

		final AtomicReference<Exception> setupFailure = new AtomicReference<>();

		final long start = System.nanoTime();

		volatile boolean stopped;

		Run(int warmup, int requests) {
			this.tickets = new AtomicInteger(warmup + requests);
			this.measured = requests;
		}

		void agent(Agent agent) {
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			Supplier<HttpRequest> requests;
			try {
				requests = agent.start(client);
			}
			catch (Exception ex) {
				this.setupFailure.compareAndSet(null, ex);
				return;
			}
			boolean first = true;
			for (int ticket = this.tickets.getAndDecrement(); ticket > 0
					&& !this.stopped; ticket = this.tickets.getAndDecrement()) {
				if (!first && !pause()) {
					return;
				}
				first = false;
				send(client, requests.get(), ticket <= this.measured);
			}
		}

		private boolean pause() {
			Duration gap = KeepAliveSoak.this.gaps.next(ThreadLocalRandom.current());
			if (gap.compareTo(KeepAliveSoak.this.gaps.clientKeepAlive()) > 0) {
				this.pastClientKeepAlive.incrementAndGet();
			}
			if (gap.compareTo(KeepAliveSoak.this.gaps.serverIdle()) > 0) {
				this.pastServerIdle.incrementAndGet();
			}
			try {
				TimeUnit.NANOSECONDS.sleep(gap.toNanos());
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		private void send(HttpClient client, HttpRequest request, boolean measured) {
			HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true)
				.timeout(KeepAliveSoak.this.requestTimeout)
				.build();
			long sent = System.nanoTime();
			try {
				HttpResponse<Void> response = client.send(timed, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() >= 400) {
					this.failed.incrementAndGet();
				}
				else if (measured) {
					this.latencies.recordValue(System.nanoTime() - sent);
				}
				else {
					this.answeredInWarmup.incrementAndGet();
				}
			}
			catch (HttpConnectTimeoutException ex) {
				this.failed.incrementAndGet();
			}
			catch (HttpTimeoutException ex) {
				this.unanswered.incrementAndGet();
			}
			catch (IOException ex) {
				this.failed.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.stopped = true;
			}
		}

	}

}
