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
import java.util.stream.Stream;

/**
 * The processor time a process's threads have spent so far, in nanoseconds, read from
 * each thread's {@code /proc/<pid>/task/<tid>/schedstat} (the clock ticks of
 * {@code /proc/<pid>/stat} are 10 ms, as long as a small room takes to connect). A thread
 * on a processor while it is read counts its time up to the scheduler's last tick.
 */
final class ProcessorTime {

	private ProcessorTime() {
	}

	/**
	 * The processor time of a process's live threads.
	 * @param pid the process
	 * @return the nanoseconds its threads have run
	 */
	static long of(long pid) {
		try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			return threads.mapToLong(ProcessorTime::ofThread).sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long ofThread(Path thread) {
		try {
			String schedstat = Files.readString(thread.resolve("schedstat"));
			return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
		}
		catch (NoSuchFileException ex) {
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
