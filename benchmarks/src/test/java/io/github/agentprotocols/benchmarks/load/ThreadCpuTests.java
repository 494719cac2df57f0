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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCpuTests {

	private static final long BURNED = TimeUnit.MILLISECONDS.toNanos(50);

	@Test
	void countsTheProcessorTimeOfTheThreadsWithThePrefixOnly() throws Exception {
		ThreadCpu burners = new ThreadCpu("thread-cpu-test-burner");
		ThreadCpu nobody = new ThreadCpu("thread-cpu-test-nobody");
		long before = burners.nanos();
		CountDownLatch burned = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread burner = new Thread(() -> {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long start = threads.getCurrentThreadCpuTime();
			while (threads.getCurrentThreadCpuTime() - start < BURNED) {
				Thread.onSpinWait();
			}
			burned.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "thread-cpu-test-burner-1");
		burner.start();
		try {
			assertThat(burned.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(burners.nanos() - before).isGreaterThanOrEqualTo(BURNED);
			assertThat(nobody.nanos()).isZero();
		}
		finally {
			release.countDown();
			burner.join();
		}
	}

}
