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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives a bounded number of requests at a fixed concurrency and records each successful
 * request's latency in an HdrHistogram. Runs are bounded in count and in time.
 */
public final class LoadDriver {

	private final int concurrency;

	private final Duration timeout;

	/**
	 * Create a driver.
	 * @param concurrency the most requests in flight at once
	 * @param timeout the longest a run may take before it is abandoned
	 */
	public LoadDriver(int concurrency, Duration timeout) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1");
		}
		this.concurrency = concurrency;
		this.timeout = timeout;
	}

	/**
	 * Send {@code requests} requests through {@code operation}.
	 * @param name the scenario name for the report
	 * @param requests how many requests to send
	 * @param operation what one request does
	 * @return the latency report
	 * @throws InterruptedException if interrupted while waiting
	 * @throws TimeoutException if the run takes longer than the driver's timeout
	 */
	public LatencyReport run(String name, int requests, Operation operation)
			throws InterruptedException, TimeoutException {
		Histogram latencies = new ConcurrentHistogram(3);
		AtomicLong failed = new AtomicLong();
		Semaphore inFlight = new Semaphore(this.concurrency);
		CountDownLatch finished = new CountDownLatch(requests);
		long deadline = System.nanoTime() + this.timeout.toNanos();
		long start = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				throw new TimeoutException(name + ": run exceeded " + this.timeout);
			}
			long sent = System.nanoTime();
			start(operation).whenComplete((answer, failure) -> {
				if (failure != null) {
					failed.incrementAndGet();
				}
				else {
					latencies.recordValue(System.nanoTime() - sent);
				}
				inFlight.release();
				finished.countDown();
			});
		}
		if (!finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
			throw new TimeoutException(name + ": run exceeded " + this.timeout);
		}
		return LatencyReport.of(name, latencies, failed.get(), System.nanoTime() - start);
	}

	private static CompletionStage<?> start(Operation operation) {
		try {
			return operation.call();
		}
		catch (Exception ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
