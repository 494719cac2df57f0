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

package io.github.agentprotocols.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.scheduler.Schedulers;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds what an application context leaves running once it is closed: tasks scheduled on
 * Reactor's schedulers while it ran (timers, pacing delays, periodic sweeps) that still
 * run once the application's lifecycle beans have stopped and the infrastructure (phase
 * 0: connection factories, Reactor Netty's resources) begins to stop, and threads started
 * while it ran that are still alive after the context closed. Threads of the pools one
 * JVM shares between all its contexts (Reactor's default schedulers, Reactor Netty's
 * global event loops, Netty's {@code GlobalEventExecutor}, whose thread ends by itself a
 * second after its last task, the JDK HTTP client of the tests) are not counted.
 * <p>
 * Start the probe before the context and add its {@link #initializer()} to the context;
 * once the context is closed, call {@link #assertNothingLeft(Duration)}; close the probe
 * in the end.
 */
public final class BackgroundWorkProbe implements AutoCloseable {

	/**
	 * How long threads started while the context ran may take to end once it is closed:
	 * pools shut down asynchronously end their threads soon, but not at once on a loaded
	 * machine.
	 */
	private static final Duration THREADS_PATIENCE = Duration.ofSeconds(10);

	private static final List<String> SHARED_THREADS = List.of("parallel-", "boundedElastic-", "single-",
			"reactor-http-", "globalEventExecutor-", "HttpClient-", "Attach Listener", "process reaper",
			"Common-Cleaner", "ForkJoinPool");

	private final String hook = "background-work-probe-" + UUID.randomUUID();

	private final Set<Thread> threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());

	private final List<String> ranAfterStop = new CopyOnWriteArrayList<>();

	private volatile boolean stopped;

	private BackgroundWorkProbe() {
		Schedulers.onScheduleHook(this.hook, (task) -> {
			Throwable scheduled = new Throwable("scheduled here");
			return () -> {
				if (this.stopped) {
					this.ranAfterStop.add(task.getClass().getName() + ", " + where(scheduled));
				}
				task.run();
			};
		});
	}

	/**
	 * Starts watching: threads alive now are not counted, tasks scheduled from now on
	 * are.
	 * @return the probe
	 */
	public static BackgroundWorkProbe start() {
		return new BackgroundWorkProbe();
	}

	/**
	 * Adds to a context the lifecycle bean that tells the probe when the application has
	 * stopped: it stops after every phase above 0 and before phase 0.
	 * @return the initializer to add to the context
	 */
	public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
		return (context) -> context.getBeanFactory().registerSingleton(this.hook, new ApplicationStopped());
	}

	/**
	 * Waits for work left behind to show itself, then asserts there is none: no task ran
	 * after the application stopped, and the threads started while it ran end, within ten
	 * seconds. A task that ran late is named with the frames that scheduled it.
	 * @param settle how long to wait for tasks: longer than the period of any timer that
	 * could be left
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void assertNothingLeft(Duration settle) throws InterruptedException {
		assertThat(this.stopped).as("the context was closed").isTrue();
		Thread.sleep(settle.toMillis());
		assertThat(this.ranAfterStop).as("tasks scheduled while the context ran that ran after it stopped").isEmpty();
		long deadline = System.nanoTime() + THREADS_PATIENCE.toNanos();
		List<Thread> left = threadsLeft();
		while (!left.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
			left = threadsLeft();
		}
		assertThat(left).as("threads started while the context ran that are still alive")
			.extracting(Thread::getName)
			.isEmpty();
	}

	/**
	 * The frames that scheduled a task, outside Reactor's own.
	 */
	private static String where(Throwable scheduled) {
		StringBuilder where = new StringBuilder("scheduled by");
		int shown = 0;
		for (StackTraceElement frame : scheduled.getStackTrace()) {
			if (!frame.getClassName().startsWith("reactor.core.") && shown++ < 25) {
				where.append(' ').append(frame);
			}
		}
		return where.toString();
	}

	private List<Thread> threadsLeft() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !this.threadsBefore.contains(thread))
			.filter((thread) -> SHARED_THREADS.stream().noneMatch(thread.getName()::startsWith))
			.filter(Thread::isAlive)
			.toList();
	}

	@Override
	public void close() {
		Schedulers.resetOnScheduleHook(this.hook);
	}

	private final class ApplicationStopped implements SmartLifecycle {

		private volatile boolean running;

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
			BackgroundWorkProbe.this.stopped = true;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return 1;
		}

	}

}
