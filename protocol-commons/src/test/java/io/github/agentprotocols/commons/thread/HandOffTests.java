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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signal that {@code publishOn} was scheduling as its subscriber cancelled is not
 * reported as a dropped error ("Scheduler unavailable"): the scheduler here cancels the
 * subscriber from inside the scheduling of the second signal, then refuses it, as a
 * disposed worker does, which is the interleaving of a subscriber that leaves while a
 * signal arrives. A rejection of a worker still in use still fails the flux.
 */
class HandOffTests {

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	private final AtomicReference<Disposable> subscription = new AtomicReference<>();

	HandOffTests() {
		Hooks.onErrorDropped(this.dropped::add);
	}

	@AfterEach
	void resetHooks() {
		Hooks.resetOnErrorDropped();
	}

	@Test
	void plainPublishOnReportsTheSignalItCouldNotHandOverAfterTheCancellation() {
		assertThat(lateSignal((flux, scheduler) -> flux.publishOn(scheduler))).containsExactly("first");
		assertThat(this.dropped).singleElement().isInstanceOf(RejectedExecutionException.class);
	}

	@Test
	void fluxHandedOffDoesNotReportTheSignalItCouldNotHandOverAfterTheCancellation() {
		assertThat(lateSignal(HandOff::publishOn)).containsExactly("first");
		assertThat(this.dropped).isEmpty();
	}

	@Test
	void rejectionOfAWorkerStillInUseStillFailsTheFlux() {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		HandOff.publishOn(Flux.just("value"), new RefusingScheduler(() -> false)).subscribe(null, failure::set);
		assertThat(failure.get()).isInstanceOf(RejectedExecutionException.class);
		assertThat(this.dropped).isEmpty();
	}

	/**
	 * Emits two signals through the hand-off, whose scheduler cancels the subscriber as
	 * it schedules the second and refuses it, and answers those the subscriber received.
	 */
	private List<String> lateSignal(BiFunction<Flux<String>, Scheduler, Flux<String>> handOff) {
		AtomicBoolean late = new AtomicBoolean();
		Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
		List<String> received = new CopyOnWriteArrayList<>();
		this.subscription.set(handOff.apply(sink.asFlux(), scheduler(late::get)).subscribe(received::add));
		sink.tryEmitNext("first");
		late.set(true);
		sink.tryEmitNext("second");
		return received;
	}

	/**
	 * Runs a task at once, or, when the test says the subscriber leaves, cancels it and
	 * refuses the task, as its disposed worker does.
	 */
	private Scheduler scheduler(BooleanSupplier cancelFirst) {
		return new RefusingScheduler(() -> {
			if (!cancelFirst.getAsBoolean()) {
				return true;
			}
			this.subscription.get().dispose();
			return false;
		});
	}

	/**
	 * Runs a task at once when the test says so, else refuses it.
	 */
	private static final class RefusingScheduler implements Scheduler {

		private final BooleanSupplier runs;

		RefusingScheduler(BooleanSupplier runs) {
			this.runs = runs;
		}

		@Override
		public Disposable schedule(Runnable task) {
			if (!this.runs.getAsBoolean()) {
				throw Exceptions.failWithRejected();
			}
			return Schedulers.immediate().schedule(task);
		}

		@Override
		public Worker createWorker() {
			return new Worker() {

				private volatile boolean disposed;

				@Override
				public Disposable schedule(Runnable task) {
					return RefusingScheduler.this.schedule(task);
				}

				@Override
				public void dispose() {
					this.disposed = true;
				}

				@Override
				public boolean isDisposed() {
					return this.disposed;
				}

			};
		}

	}

}
