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

package io.github.agentprotocols.benchmarks.acp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Run;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Times each event of a run from the moment its handler yields it ({@link #yielded}) to
 * the moment the broadcast funnel delivers it to listeners, this one among them, and
 * tells when a thread's run has ended.
 */
final class EventTimings implements AcpBroadcastListener {

	private final Map<String, Long> yieldedAt = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Run>> runEnds = new ConcurrentHashMap<>();

	private volatile Histogram latencies = new ConcurrentHistogram(3);

	/**
	 * Notes that a handler yields an event now.
	 * @param event the event
	 * @return the event
	 */
	Event yielded(Event event) {
		this.yieldedAt.put(event.id(), System.nanoTime());
		return event;
	}

	/**
	 * Start recording into a new histogram.
	 * @return the histogram the delivered events' latencies are recorded in, ns
	 */
	Histogram record() {
		Histogram histogram = new ConcurrentHistogram(3);
		this.latencies = histogram;
		return histogram;
	}

	/**
	 * A stage that completes with the next run of the thread that ends.
	 * @param threadId the thread
	 * @return the stage
	 */
	CompletableFuture<Run> nextRunEnd(String threadId) {
		CompletableFuture<Run> end = new CompletableFuture<>();
		this.runEnds.put(threadId, end);
		return end;
	}

	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		long now = System.nanoTime();
		if (broadcast instanceof AcpBroadcast.EventAppended appended) {
			Long yielded = this.yieldedAt.remove(appended.event().id());
			if (yielded != null) {
				this.latencies.recordValue(now - yielded);
			}
		}
		else if (broadcast instanceof AcpBroadcast.RunUpdated updated && updated.run().status().isTerminal()) {
			CompletableFuture<Run> end = this.runEnds.remove(updated.threadId());
			if (end != null) {
				end.complete(updated.run());
			}
		}
	}

}
