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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.agentprotocols.acp.AcpAnalyticsSink;
import io.github.agentprotocols.acp.AnalyticsEvent;
import io.github.agentprotocols.acp.AnalyticsTracker;
import io.github.agentprotocols.acp.Run;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The analytics buffer of one run (spec §6.8): tracked events wait here until the buffer
 * is full or the run ends, then go to the sink as one batch. Batches are delivered one
 * after the other on the given executor, never on the run's own path.
 */
final class RunAnalytics implements AnalyticsTracker {

	private static final Log logger = LogFactory.getLog(RunAnalytics.class);

	private final Run run;

	private final @Nullable AcpAnalyticsSink sink;

	private final int maxBatchSize;

	private final Clock clock;

	private final Executor executor;

	private List<AnalyticsEvent> buffer = new ArrayList<>();

	private CompletableFuture<Void> deliveries = CompletableFuture.completedFuture(null);

	private boolean closed;

	RunAnalytics(Run run, @Nullable AcpAnalyticsSink sink, int maxBatchSize, Clock clock, Executor executor) {
		this.run = run;
		this.sink = sink;
		this.maxBatchSize = maxBatchSize;
		this.clock = clock;
		this.executor = executor;
	}

	@Override
	public synchronized void track(String name, Map<String, Object> properties) {
		if (this.closed || this.sink == null) {
			return;
		}
		this.buffer.add(new AnalyticsEvent(name, properties, this.run.threadId(), this.run.id(), this.run.assistantId(),
				this.clock.instant()));
		if (this.buffer.size() >= this.maxBatchSize) {
			flush();
		}
	}

	/**
	 * Ends tracking and hands what is buffered to the sink.
	 */
	synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			flush();
		}
	}

	private void flush() {
		AcpAnalyticsSink sink = this.sink;
		if (sink == null || this.buffer.isEmpty()) {
			return;
		}
		List<AnalyticsEvent> batch = List.copyOf(this.buffer);
		this.buffer = new ArrayList<>();
		this.deliveries = this.deliveries.thenRunAsync(() -> deliver(sink, batch), this.executor);
	}

	private void deliver(AcpAnalyticsSink sink, List<AnalyticsEvent> batch) {
		try {
			sink.onAnalytics(batch);
		}
		catch (RuntimeException ex) {
			logger.warn("Analytics sink failed; dropped " + batch.size() + " events of run " + this.run.id(), ex);
		}
	}

}
