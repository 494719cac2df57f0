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

/**
 * Injects a fault at every interval until the end of a run, and times how long each took
 * to settle.
 */
final class FaultSchedule {

	private final Fault fault;

	private final Duration interval;

	private int injections;

	private long maxSettleMillis;

	FaultSchedule(Fault fault, Duration interval) {
		this.fault = fault;
		this.interval = interval;
	}

	/**
	 * Injects the fault after each interval that ends before the run does.
	 * @param endNanos the run's end, on {@link System#nanoTime()}
	 */
	void runUntil(long endNanos) throws Exception {
		while (System.nanoTime() + this.interval.toNanos() < endNanos) {
			Thread.sleep(this.interval.toMillis());
			long injected = System.nanoTime();
			this.fault.inject();
			this.maxSettleMillis = Math.max(this.maxSettleMillis,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - injected));
			this.injections++;
		}
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
