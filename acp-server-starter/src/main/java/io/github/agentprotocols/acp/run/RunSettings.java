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
 */
public record RunSettings(Duration runTimeout, int maxChainDepth, int analyticsMaxBatchSize, int concurrency,
		Duration shutdownGrace) {

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
	}

	private static void positive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
