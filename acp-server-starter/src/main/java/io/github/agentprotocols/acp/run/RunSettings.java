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

package io.github.agentprotocols.acp.run;

import java.time.Duration;

/**
 * How the {@link RunExecutor} runs handlers (spec §6, §9).
 *
 * @param runTimeout how long a handler may run, from the run's start to its last event
 * @param maxChainDepth how deep chained invocations may go: a run invoked by a client has
 * depth 0
 * @param analyticsMaxBatchSize how many analytics events of a run are buffered before
 * they are handed to the sink early
 * @param concurrency how many runs execute at once; further runs wait {@code pending}
 * @param shutdownGrace how long shutdown waits for runs before failing them
 * {@code interrupted}
 * @param watchdogInterval the time between two heartbeats of the runs held and between
 * two checks for orphaned runs
 * @param watchdogGrace how much longer than the interval a heartbeat may be missing
 * before a run counts as orphaned
 */
public record RunSettings(Duration runTimeout, int maxChainDepth, int analyticsMaxBatchSize, int concurrency,
		Duration shutdownGrace, Duration watchdogInterval, Duration watchdogGrace) {

	/**
	 * Create a new {@code RunSettings}, checking that durations are positive and counts
	 * not negative.
	 * @param runTimeout how long a handler may run, from the run's start to its last
	 * event
	 * @param maxChainDepth how deep chained invocations may go: a run invoked by a client
	 * has depth 0
	 * @param analyticsMaxBatchSize how many analytics events of a run are buffered before
	 * they are handed to the sink early
	 * @param concurrency how many runs execute at once; further runs wait {@code pending}
	 * @param shutdownGrace how long shutdown waits for runs before failing them
	 * {@code interrupted}
	 * @param watchdogInterval the time between two heartbeats of the runs held and
	 * between two checks for orphaned runs
	 * @param watchdogGrace how much longer than the interval a heartbeat may be missing
	 * before a run counts as orphaned
	 */
	public RunSettings {
		positive(runTimeout, "runTimeout");
		if (maxChainDepth < 0) {
			throw new IllegalArgumentException("maxChainDepth must not be negative");
		}
		if (analyticsMaxBatchSize < 1) {
			throw new IllegalArgumentException("analyticsMaxBatchSize must be at least 1");
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1");
		}
		if (shutdownGrace.isNegative()) {
			throw new IllegalArgumentException("shutdownGrace must not be negative");
		}
		positive(watchdogInterval, "watchdogInterval");
		if (watchdogGrace.isNegative()) {
			throw new IllegalArgumentException("watchdogGrace must not be negative");
		}
	}

	/**
	 * The defaults of spec §9: a 120 s run timeout, chains 8 deep, analytics batches of
	 * 100, 256 runs at once, 10 s to shut down, a heartbeat every 30 s with 30 s grace.
	 * @return the default settings
	 */
	public static RunSettings defaults() {
		return new RunSettings(Duration.ofSeconds(120), 8, 100, 256, Duration.ofSeconds(10), Duration.ofSeconds(30),
				Duration.ofSeconds(30));
	}

	/**
	 * A copy with another run timeout.
	 * @param runTimeout the run timeout
	 * @return the copy
	 */
	public RunSettings withRunTimeout(Duration runTimeout) {
		return new RunSettings(runTimeout, this.maxChainDepth, this.analyticsMaxBatchSize, this.concurrency,
				this.shutdownGrace, this.watchdogInterval, this.watchdogGrace);
	}

	/**
	 * A copy with another analytics batch size.
	 * @param analyticsMaxBatchSize the batch size
	 * @return the copy
	 */
	public RunSettings withAnalyticsMaxBatchSize(int analyticsMaxBatchSize) {
		return new RunSettings(this.runTimeout, this.maxChainDepth, analyticsMaxBatchSize, this.concurrency,
				this.shutdownGrace, this.watchdogInterval, this.watchdogGrace);
	}

	/**
	 * A copy with another concurrency.
	 * @param concurrency how many runs execute at once
	 * @return the copy
	 */
	public RunSettings withConcurrency(int concurrency) {
		return new RunSettings(this.runTimeout, this.maxChainDepth, this.analyticsMaxBatchSize, concurrency,
				this.shutdownGrace, this.watchdogInterval, this.watchdogGrace);
	}

	/**
	 * A copy with another shutdown grace.
	 * @param shutdownGrace how long shutdown waits for runs
	 * @return the copy
	 */
	public RunSettings withShutdownGrace(Duration shutdownGrace) {
		return new RunSettings(this.runTimeout, this.maxChainDepth, this.analyticsMaxBatchSize, this.concurrency,
				shutdownGrace, this.watchdogInterval, this.watchdogGrace);
	}

	private static void positive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
