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

package io.github.agentprotocols.hpp.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.agentprotocols.hpp.HandshakeSession;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * One stored session and the changes waiting for it, applied one at a time. A change that
 * finds the session busy is queued, and the thread that holds the session applies it
 * before letting go, so that no thread waits for another's change: an event loop whose
 * request finds the session busy goes on with its other connections instead of blocking
 * until the holder, perhaps descheduled on a loaded machine, is done. Results are handed
 * over once the session is released, on the thread that applied the change.
 */
final class SessionLane {

	private final HandshakeSession session;

	private final ReentrantLock lock = new ReentrantLock();

	private final Queue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();

	SessionLane(HandshakeSession session) {
		this.session = session;
	}

	/**
	 * Applies a change when subscribed, atomically with respect to the lane's other
	 * changes: at once when the session is free and no change waits, else in turn.
	 * @param <T> the result type
	 * @param change mutates the session and returns a result, or null for none
	 * @return the change's result
	 */
	<T> Mono<T> update(Function<HandshakeSession, T> change) {
		return Mono.create((sink) -> {
			Pending<T> pending = new Pending<>(change, sink);
			if (this.waiting.isEmpty() && this.lock.tryLock()) {
				Runnable result;
				try {
					result = pending.applyTo(this.session);
				}
				finally {
					this.lock.unlock();
				}
				drain();
				result.run();
			}
			else {
				this.waiting.add(pending);
				drain();
			}
		});
	}

	/**
	 * Tests the session, waiting for the change being applied, if any.
	 * @param test the test
	 * @return its outcome
	 */
	boolean test(Predicate<HandshakeSession> test) {
		this.lock.lock();
		try {
			return test.test(this.session);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Applies the waiting changes unless another thread holds the session; that thread
	 * looks for waiting changes again once it has let go.
	 */
	private void drain() {
		while (!this.waiting.isEmpty() && this.lock.tryLock()) {
			List<Runnable> results = new ArrayList<>();
			try {
				Pending<?> pending;
				while ((pending = this.waiting.poll()) != null) {
					results.add(pending.applyTo(this.session));
				}
			}
			finally {
				this.lock.unlock();
			}
			results.forEach(Runnable::run);
		}
	}

	/**
	 * A change and who waits for its result.
	 */
	private record Pending<T>(Function<HandshakeSession, T> change, MonoSink<T> sink) {

		/**
		 * Applies the change.
		 * @return hands over the result, or the failure of the change
		 */
		Runnable applyTo(HandshakeSession session) {
			T result;
			try {
				result = this.change.apply(session);
			}
			catch (Throwable ex) {
				Exceptions.throwIfJvmFatal(ex);
				return () -> this.sink.error(ex);
			}
			return () -> this.sink.success(result);
		}

	}

}
