package io.github.agentprotocols.happy;

import java.time.Duration;

/**
 * What the Happy client measures: RPC latency, socket reconnects and records it could not
 * decrypt. The starter records into Micrometer when the application has a meter registry.
 */
public interface HappyMetrics {

	/** Metrics that record nothing. */
	HappyMetrics NONE = new HappyMetrics() {
	};

	/**
	 * An RPC ended.
	 * @param method the method name without its scope, e.g. {@code spawn-happy-session}
	 * @param outcome {@code ok}, {@code offline}, {@code refused}, {@code timeout},
	 * {@code disconnected} or {@code error}
	 * @param duration how long it took
	 */
	default void rpcCompleted(String method, String outcome, Duration duration) {
	}

	/**
	 * The socket connected again after a drop.
	 */
	default void reconnected() {
	}

	/**
	 * A record, message or RPC result could not be decrypted.
	 */
	default void decryptFailed() {
	}

}
