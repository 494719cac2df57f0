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

package io.github.agentprotocols.acp.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Run;

/**
 * An {@link AcpBroadcastListener} that keeps every notification the broadcast funnel
 * delivers, in delivery order, and lets a test wait for one. Declare it as a bean in a
 * test configuration (or pass it to {@link AssistantTester}); the funnel delivers after
 * the write commits, so what it holds is in the store.
 * <p>
 * The {@code await} methods block the calling thread until a notification matches or the
 * timeout passes, then fail with an {@link AssertionError} naming what was received.
 */
public final class BroadcastRecorder implements AcpBroadcastListener {

	private final Object lock = new Object();

	private final List<AcpBroadcast> log = new ArrayList<>();

	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		synchronized (this.lock) {
			this.log.add(broadcast);
			this.lock.notifyAll();
		}
	}

	/**
	 * The notifications delivered so far.
	 * @return a copy, in delivery order
	 */
	public List<AcpBroadcast> broadcasts() {
		synchronized (this.lock) {
			return List.copyOf(this.log);
		}
	}

	/**
	 * The events appended to a thread so far, as the funnel delivered them.
	 * @param threadId the thread
	 * @return the events, in log order
	 */
	public List<Event> events(String threadId) {
		return broadcasts().stream()
			.flatMap((broadcast) -> eventOf(broadcast).stream())
			.filter((event) -> event.threadId().equals(threadId))
			.toList();
	}

	/**
	 * Waits for an appended event that matches.
	 * @param condition what the event must satisfy
	 * @param timeout how long to wait
	 * @return the first matching event
	 * @throws AssertionError if none arrived in time
	 */
	public Event awaitEvent(Predicate<Event> condition, Duration timeout) {
		return awaitFirst(BroadcastRecorder::eventOf, condition, timeout, "an event");
	}

	/**
	 * Waits until a run is broadcast with a terminal status ({@code completed},
	 * {@code failed} or {@code cancelled}); its terminal event was appended before.
	 * @param runId the run
	 * @param timeout how long to wait
	 * @return the run as broadcast in its terminal status
	 * @throws AssertionError if the run did not end in time
	 */
	public Run awaitRunEnded(String runId, Duration timeout) {
		return awaitFirst(BroadcastRecorder::runOf, (run) -> run.id().equals(runId) && run.status().isTerminal(),
				timeout, "the end of run " + runId);
	}

	/**
	 * Forgets the notifications delivered so far.
	 */
	public void clear() {
		synchronized (this.lock) {
			this.log.clear();
		}
	}

	private <T> T awaitFirst(Function<AcpBroadcast, Optional<T>> view, Predicate<T> condition, Duration timeout,
			String awaited) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lock) {
			for (int next = 0;; next++) {
				while (next >= this.log.size()) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						throw new AssertionError(
								"Expected " + awaited + " within " + timeout + " but received " + this.log);
					}
					waitFor(left);
				}
				Optional<T> item = view.apply(this.log.get(next)).filter(condition);
				if (item.isPresent()) {
					return item.get();
				}
			}
		}
	}

	private void waitFor(long nanos) {
		try {
			this.lock.wait(Math.max(1, nanos / 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for a broadcast", ex);
		}
	}

	private static Optional<Event> eventOf(AcpBroadcast broadcast) {
		return (broadcast instanceof AcpBroadcast.EventAppended appended) ? Optional.of(appended.event())
				: Optional.empty();
	}

	private static Optional<Run> runOf(AcpBroadcast broadcast) {
		return (broadcast instanceof AcpBroadcast.RunUpdated updated) ? Optional.of(updated.run()) : Optional.empty();
	}

}
