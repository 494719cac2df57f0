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
