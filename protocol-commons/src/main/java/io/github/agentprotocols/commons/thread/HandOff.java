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

import java.util.concurrent.RejectedExecutionException;

import io.github.agentprotocols.commons.Internal;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * Hands a flux's signals over to a scheduler ({@code publishOn}) without reporting a
 * signal it could not hand over because its subscriber had just cancelled.
 * {@code Flux.publishOn} disposes its worker when cancelled; a signal it was scheduling
 * at that moment is refused ("Scheduler unavailable"), and Reactor logs the refusal at
 * ERROR as an error it dropped. Here the worker lets such a task go once it is disposed,
 * as there is no one left to deliver it to; a refusal of a worker still in use fails the
 * flux as before. ({@code Mono.publishOn} schedules on the scheduler itself, and a
 * cancellation disposes only its task.)
 */
@Internal
public final class HandOff {

	private HandOff() {
	}

	/**
	 * The flux's signals on the scheduler.
	 * @param <T> the type of the elements
	 * @param flux the flux
	 * @param scheduler the scheduler
	 * @return the flux, its signals on the scheduler
	 */
	public static <T> Flux<T> publishOn(Flux<T> flux, Scheduler scheduler) {
		return flux.publishOn(new Quiet(scheduler));
	}

	/**
	 * A scheduler whose workers let a task go once disposed.
	 */
	private record Quiet(Scheduler scheduler) implements Scheduler {

		@Override
		public Disposable schedule(Runnable task) {
			return this.scheduler.schedule(task);
		}

		@Override
		public Worker createWorker() {
			return new QuietWorker(this.scheduler.createWorker());
		}

	}

	private static final class QuietWorker implements Scheduler.Worker {

		private final Scheduler.Worker worker;

		private volatile boolean disposed;

		QuietWorker(Scheduler.Worker worker) {
			this.worker = worker;
		}

		@Override
		public Disposable schedule(Runnable task) {
			try {
				return this.worker.schedule(task);
			}
			catch (RejectedExecutionException ex) {
				if (this.disposed) {
					return Disposables.disposed();
				}
				throw ex;
			}
		}

		@Override
		public void dispose() {
			this.disposed = true;
			this.worker.dispose();
		}

		@Override
		public boolean isDisposed() {
			return this.disposed;
		}

	}

}
