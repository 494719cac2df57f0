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

package io.github.agentprotocols.benchmarks.acp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorTimeTests {

	private static final long TICK_SLACK = Duration.ofMillis(10).toNanos();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final long pid = ProcessHandle.current().pid();

	@Test
	void countsTheProcessorTimeOfEveryThreadOfTheProcess() {
		ProcessorTime before = ProcessorTime.of(this.pid);
		long spun = spin(Duration.ofMillis(100).toNanos());
		// the time of a thread on a processor is published at the scheduler's ticks
		assertThat(before.elapsedNanos()).isGreaterThan(spun - TICK_SLACK);
	}

	@Test
	void countsAllOfAThreadStartedAfterTheReading() throws InterruptedException {
		ProcessorTime before = ProcessorTime.of(this.pid);
		SpunThread thread = spinInAThread();
		long elapsed = before.elapsedNanos();
		assertThat(elapsed).isGreaterThan(thread.end() - TICK_SLACK);
	}

	@Test
	void countsNothingOfAThreadEndedSinceTheReading() throws InterruptedException {
		SpunThread thread = spinInAThread();
		ProcessorTime before = ProcessorTime.of(this.pid);
		thread.end();
		assertThat(before.elapsedNanos()).isNotNegative();
	}

	/**
	 * Starts a thread that spins 100 ms of its own processor time, then waits to be
	 * ended; returns once it has spun.
	 */
	private SpunThread spinInAThread() throws InterruptedException {
		long[] spun = new long[1];
		CountDownLatch spinning = new CountDownLatch(1);
		CountDownLatch end = new CountDownLatch(1);
		Thread thread = new Thread(() -> {
			spun[0] = spin(Duration.ofMillis(100).toNanos());
			spinning.countDown();
			await(end);
		});
		thread.start();
		spinning.await();
		return () -> {
			end.countDown();
			thread.join();
			return spun[0];
		};
	}

	private long spin(long nanos) {
		long start = this.threads.getCurrentThreadCpuTime();
		while (this.threads.getCurrentThreadCpuTime() - start < nanos) {
			Thread.onSpinWait();
		}
		return this.threads.getCurrentThreadCpuTime() - start;
	}

	/**
	 * A thread that has spun, waiting to be ended.
	 */
	private interface SpunThread {

		/**
		 * Ends the thread.
		 * @return the processor time it spun
		 */
		long end() throws InterruptedException;

	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
