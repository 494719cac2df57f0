package io.github.agentprotocols.acp;

import java.util.List;

/**
 * Receives the analytics events that handlers track (spec §6.8), {@code on_analytics}.
 * Optional: without a sink bean, tracking is a no-op.
 * <p>
 * Events are buffered per run and delivered in batches: one whenever a run's buffer
 * reaches {@code acp.analytics.max-batch-size}, and a last one after the run's terminal
 * event was published. Batches of one run arrive in tracking order and never overlap; a
 * batch never mixes runs. The sink runs apart from the run, on a bounded-elastic thread,
 * so it may block without slowing the run; an exception drops the batch, is logged and
 * changes nothing else.
 */
@FunctionalInterface
public interface AcpAnalyticsSink {

	/**
	 * Delivers a batch.
	 * @param events the events of one run, in tracking order, never empty
	 */
	void onAnalytics(List<AnalyticsEvent> events);

}
