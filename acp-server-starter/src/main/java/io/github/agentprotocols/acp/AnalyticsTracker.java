package io.github.agentprotocols.acp;

import java.util.Map;

/**
 * Tracks analytics events of a run (spec §6.4 {@code ctx.analytics.track}): buffered and
 * handed to the {@link AcpAnalyticsSink}, stamped with the thread, run, assistant and the
 * time of the call. Ignored once the run has ended, and without a sink.
 */
public interface AnalyticsTracker {

	/**
	 * Tracks an event without properties.
	 * @param name what happened, not empty
	 */
	default void track(String name) {
		track(name, Map.of());
	}

	/**
	 * Tracks an event.
	 * @param name what happened, not empty
	 * @param properties details, a JSON object
	 */
	void track(String name, Map<String, Object> properties);

}
