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

package io.github.agentprotocols.hpp.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The heartbeats of all open connections: one periodic task, every tenth of the heartbeat
 * interval, queues a heartbeat on each connection that has sent nothing for the rest of
 * the interval, so that no connection stays silent for longer than the interval. One task
 * serves every connection, instead of a timer each.
 */
final class HeartbeatTicker {

	private static final int TICKS_PER_INTERVAL = 10;

	private final Iterable<ConnectionFrames> connections;

	private final Scheduler scheduler;

	private final LongSupplier nanoClock;

	private final long tickNanos;

	private final long silenceNanos;

	private @Nullable Disposable task;

	/**
	 * Creates a ticker, not started.
	 * @param interval the longest silence of a connection
	 * @param connections the open connections, read at each tick
	 * @param scheduler where the ticks run
	 * @param nanoClock the time in nanoseconds, the clock of the connections too
	 */
	HeartbeatTicker(Duration interval, Iterable<ConnectionFrames> connections, Scheduler scheduler,
			LongSupplier nanoClock) {
		this.connections = connections;
		this.scheduler = scheduler;
		this.nanoClock = nanoClock;
		this.tickNanos = Math.max(1, interval.toNanos() / TICKS_PER_INTERVAL);
		this.silenceNanos = interval.toNanos() - this.tickNanos;
	}

	/**
	 * Starts ticking, unless started already.
	 */
	synchronized void start() {
		if (this.task == null) {
			this.task = this.scheduler.schedulePeriodically(() -> tick(this.nanoClock.getAsLong()), this.tickNanos,
					this.tickNanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Stops ticking; {@link #start()} starts again.
	 */
	synchronized void stop() {
		if (this.task != null) {
			this.task.dispose();
			this.task = null;
		}
	}

	/**
	 * Queues a heartbeat on each connection that has been silent for the interval less
	 * one tick: the next tick would come too late for it.
	 * @param now the current time of the clock
	 */
	void tick(long now) {
		for (ConnectionFrames connection : this.connections) {
			connection.heartbeatIfSilent(now, this.silenceNanos);
		}
	}

}
