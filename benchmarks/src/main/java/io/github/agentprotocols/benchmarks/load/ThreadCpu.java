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
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * Processor time used so far by the live threads of this JVM whose names start with a
 * prefix, such as a server's event loops ({@code reactor-http-}). The difference over a
 * run divided by its requests is the server's processor time per request, which other
 * processes on a shared machine delay but do not add to, unlike the latency and
 * throughput they share the processors with.
 */
public final class ThreadCpu {

	private final String prefix;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	/**
	 * Create a meter.
	 * @param prefix the start of the names of the threads counted
	 */
	public ThreadCpu(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * The processor time the counted threads have used.
	 * @return nanoseconds
	 */
	public long nanos() {
		long total = 0;
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith(this.prefix)) {
				total += Math.max(0, this.threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

}
