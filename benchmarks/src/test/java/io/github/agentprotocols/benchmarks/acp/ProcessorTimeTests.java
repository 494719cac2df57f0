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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorTimeTests {

	@Test
	void countsTheProcessorTimeOfEveryThreadOfTheProcess() {
		long pid = ProcessHandle.current().pid();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long before = ProcessorTime.of(pid);
		long spun = spin(threads, Duration.ofMillis(100).toNanos());
		// the time of a thread on a processor is published at the scheduler's ticks
		assertThat(ProcessorTime.of(pid) - before).isGreaterThan(spun - Duration.ofMillis(10).toNanos());
	}

	private static long spin(ThreadMXBean threads, long nanos) {
		long start = threads.getCurrentThreadCpuTime();
		while (threads.getCurrentThreadCpuTime() - start < nanos) {
			Thread.onSpinWait();
		}
		return threads.getCurrentThreadCpuTime() - start;
	}

}
