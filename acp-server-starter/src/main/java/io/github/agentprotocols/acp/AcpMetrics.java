package io.github.agentprotocols.acp;

/**
 * Receives the counts the REST transport keeps; the starter records them in Micrometer
 * when the application has a meter registry, else into {@link #NONE}. Committed events
 * are counted from the broadcast funnel, by an {@link AcpBroadcastListener}.
 */
public interface AcpMetrics {

	/** Records nothing. */
	AcpMetrics NONE = new AcpMetrics() {
	};

	/**
	 * A REST request was answered.
	 * @param outcome {@code ok} for a 2xx answer, {@code unavailable} for 503 (the store
	 * unreachable), else the error code of the answer, such as {@code not_found}
	 */
	default void restRequest(String outcome) {
	}

}
