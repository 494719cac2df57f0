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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A reading of the processor time each thread of a process has spent, from its
 * {@code /proc/<pid>/task/<tid>/schedstat} in nanoseconds (the clock ticks of
 * {@code /proc/<pid>/stat} are 10 ms, as long as a small room takes to connect). A thread
 * on a processor while it is read counts its time up to the scheduler's last tick. For
 * the threads of this JVM, {@link io.github.agentprotocols.benchmarks.load.ThreadCpu}.
 */
final class ProcessorTime {

	private final long pid;

	private final Map<String, Long> threads;

	private ProcessorTime(long pid, Map<String, Long> threads) {
		this.pid = pid;
		this.threads = threads;
	}

	/**
	 * Reads the processor time of a process's live threads.
	 * @param pid the process
	 * @return the reading
	 */
	static ProcessorTime of(long pid) {
		return new ProcessorTime(pid, read(pid));
	}

	/**
	 * The processor time the process's threads have spent since this reading: all of a
	 * thread's started since, nothing of one ended since.
	 * @return the nanoseconds
	 */
	long elapsedNanos() {
		long elapsed = 0;
		for (Map.Entry<String, Long> thread : read(this.pid).entrySet()) {
			long before = this.threads.getOrDefault(thread.getKey(), 0L);
			// less than before: the thread ended and a new one took its id
			elapsed += (thread.getValue() >= before) ? thread.getValue() - before : thread.getValue();
		}
		return elapsed;
	}

	private static Map<String, Long> read(long pid) {
		Map<String, Long> threads = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			tasks.forEach((task) -> {
				long nanos = ofThread(task);
				if (nanos >= 0) {
					threads.put(task.getFileName().toString(), nanos);
				}
			});
			return threads;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The processor time of one thread, {@code -1} when it ended before it was read.
	 */
	private static long ofThread(Path thread) {
		try {
			String schedstat = Files.readString(thread.resolve("schedstat"));
			return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
		}
		catch (NoSuchFileException ex) {
			return -1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
