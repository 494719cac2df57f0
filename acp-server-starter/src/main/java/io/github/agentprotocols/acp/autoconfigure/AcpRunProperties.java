package io.github.agentprotocols.acp.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of x64acp's run executor (spec §9), bound under {@code acp}
 * next to {@link AcpProperties}.
 */
@ConfigurationProperties("acp")
public class AcpRunProperties {

	/**
	 * How long a run's handler may take, from the run's start to its last event, before
	 * the run fails with "timeout".
	 */
	private Duration runTimeout = Duration.ofSeconds(120);

	/**
	 * How deep assistants may chain invocations (ctx.invoke); a run invoked by a client
	 * has depth 0.
	 */
	private int maxChainDepth = 8;

	private final Analytics analytics = new Analytics();

	private final Watchdog watchdog = new Watchdog();

	private final Shutdown shutdown = new Shutdown();

	private final Executor executor = new Executor();

	public Duration getRunTimeout() {
		return this.runTimeout;
	}

	public void setRunTimeout(Duration runTimeout) {
		this.runTimeout = runTimeout;
	}

	public int getMaxChainDepth() {
		return this.maxChainDepth;
	}

	public void setMaxChainDepth(int maxChainDepth) {
		this.maxChainDepth = maxChainDepth;
	}

	public Analytics getAnalytics() {
		return this.analytics;
	}

	public Watchdog getWatchdog() {
		return this.watchdog;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Executor getExecutor() {
		return this.executor;
	}

	/**
	 * The analytics sidecar.
	 */
	public static class Analytics {

		/**
		 * How many analytics events of a run are buffered before they are handed to the
		 * AcpAnalyticsSink ahead of the run's end.
		 */
		private int maxBatchSize = 100;

		public int getMaxBatchSize() {
			return this.maxBatchSize;
		}

		public void setMaxBatchSize(int maxBatchSize) {
			this.maxBatchSize = maxBatchSize;
		}

	}

	/**
	 * The heartbeat watchdog.
	 */
	public static class Watchdog {

		/**
		 * Time between two heartbeats of the runs this instance holds, and between two
		 * checks for orphaned runs.
		 */
		private Duration interval = Duration.ofSeconds(30);

		/**
		 * How much longer than the interval a run's heartbeat may be missing before the
		 * run counts as orphaned and fails with "timeout".
		 */
		private Duration grace = Duration.ofSeconds(30);

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getGrace() {
			return this.grace;
		}

		public void setGrace(Duration grace) {
			this.grace = grace;
		}

	}

	/**
	 * Graceful shutdown.
	 */
	public static class Shutdown {

		/**
		 * How long shutdown waits for active runs before failing them with "interrupted".
		 */
		private Duration grace = Duration.ofSeconds(10);

		public Duration getGrace() {
			return this.grace;
		}

		public void setGrace(Duration grace) {
			this.grace = grace;
		}

	}

	/**
	 * The run executor.
	 */
	public static class Executor {

		/**
		 * How many runs this instance executes at once; further runs wait "pending".
		 */
		private int concurrency = 256;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

	}

}
