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

package io.github.agentprotocols.commons.thread;

import java.util.concurrent.ThreadFactory;

import io.github.agentprotocols.commons.Internal;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * Where a starter runs blocking work (the application's handlers, calls that block): on
 * virtual threads when Spring Boot's {@code spring.threads.virtual.enabled} is on and the
 * JVM has them (Java 21 and later), else where it ran before, on platform threads.
 */
@Internal
public final class BlockingWork {

	private BlockingWork() {
	}

	/**
	 * A factory of virtual threads named with a prefix and a number, when the application
	 * runs on virtual threads.
	 * @param environment the application's environment
	 * @param threadNamePrefix the prefix of the threads' names
	 * @return the factory, or {@code null} when the application runs on platform threads
	 */
	public static @Nullable ThreadFactory virtualThreads(Environment environment, String threadNamePrefix) {
		return Threading.VIRTUAL.isActive(environment)
				? new VirtualThreadTaskExecutor(threadNamePrefix).getVirtualThreadFactory() : null;
	}

	/**
	 * The scheduler of blocking work: a new virtual thread per task when the application
	 * runs on virtual threads, else Reactor's shared {@link Schedulers#boundedElastic()
	 * bounded elastic scheduler}. Neither needs disposing.
	 * @param environment the application's environment
	 * @param threadNamePrefix the prefix of the virtual threads' names
	 * @return the scheduler
	 */
	public static Scheduler scheduler(Environment environment, String threadNamePrefix) {
		return Threading.VIRTUAL.isActive(environment)
				? Schedulers.fromExecutor(new VirtualThreadTaskExecutor(threadNamePrefix))
				: Schedulers.boundedElastic();
	}

}
