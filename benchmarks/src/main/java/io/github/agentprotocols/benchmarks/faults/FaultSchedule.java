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

package io.github.agentprotocols.benchmarks.faults;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Injects a fault at every interval, at least a given number of times and until a given
 * time has passed, then lets the load go on for one more interval; times how long each
 * fault took to settle. The load runs while the schedule {@linkplain #isRunning() runs},
 * so that a fault that settles slowly on a loaded machine stretches the run rather than
 * leaving out the next.
 */
final class FaultSchedule {

	private final Fault fault;

	private final Duration duration;

	private final Duration interval;

	private final int minimum;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private int injections;

	private long maxSettleMillis;

	FaultSchedule(Fault fault, Duration duration, Duration interval, int minimum) {
		this.fault = fault;
		this.duration = duration;
		this.interval = interval;
		this.minimum = minimum;
	}

	/**
	 * Injects the faults, then waits one more interval, and ends the run.
	 */
	void run() throws Exception {
		long end = System.nanoTime() + this.duration.toNanos();
		try {
			do {
				Thread.sleep(this.interval.toMillis());
				long injected = System.nanoTime();
				this.fault.inject();
				this.maxSettleMillis = Math.max(this.maxSettleMillis,
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - injected));
				this.injections++;
			}
			while (this.injections < this.minimum || System.nanoTime() + this.interval.toNanos() < end);
			Thread.sleep(this.interval.toMillis());
		}
		finally {
			this.running.set(false);
		}
	}

	/**
	 * Whether the run goes on: the load stops when this turns {@code false}.
	 * @return whether the schedule has not ended
	 */
	boolean isRunning() {
		return this.running.get();
	}

	String name() {
		return this.fault.name();
	}

	int injections() {
		return this.injections;
	}

	long maxSettleMillis() {
		return this.maxSettleMillis;
	}

}
