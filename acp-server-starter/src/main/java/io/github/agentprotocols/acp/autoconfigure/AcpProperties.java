package io.github.agentprotocols.acp.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the x64acp Assistant Communication Protocol starter, bound
 * under {@code acp} (spec §9).
 */
@ConfigurationProperties("acp")
public class AcpProperties {

	/**
	 * Whether the x64acp Assistant Communication Protocol starter is active. Set to false
	 * to back the whole starter off.
	 */
	private boolean enabled = true;

	/**
	 * How long a run's handler may take, from its start to its completion, before the run
	 * fails with "timeout".
	 */
	private Duration runTimeout = Duration.ofSeconds(120);

	/**
	 * How deep chained invocations (ctx.invoke) may nest.
	 */
	private int maxChainDepth = 8;

	private final Rest rest = new Rest();

	private final Store store = new Store();

	private final Limits limits = new Limits();

	private final Analytics analytics = new Analytics();

	private final Watchdog watchdog = new Watchdog();

	private final Shutdown shutdown = new Shutdown();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

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

	public Rest getRest() {
		return this.rest;
	}

	public Store getStore() {
		return this.store;
	}

	public Limits getLimits() {
		return this.limits;
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

	/**
	 * The REST API.
	 */
	public static class Rest {

		/**
		 * Path prefix of the REST endpoints.
		 */
		private String basePath = "/acp";

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}

	}

	/**
	 * Where threads, events and runs are kept: PostgreSQL when the application has an
	 * R2DBC connection factory (spring.r2dbc.url), else the application's memory.
	 */
	public static class Store {

		/**
		 * Prefix of the PostgreSQL table and index names.
		 */
		private String tablePrefix = "acp_";

		/**
		 * Whether to create or migrate the PostgreSQL schema at start-up.
		 */
		private boolean initializeSchema = true;

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

	}

	/**
	 * Request limits (the others of spec §1.1 are fixed).
	 */
	public static class Limits {

		/**
		 * Largest accepted REST request body; a larger one is answered with 413.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

	}

	/**
	 * The analytics sidecar.
	 */
	public static class Analytics {

		/**
		 * Number of buffered analytics events of a run that triggers an early flush.
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
	 * The watchdog that fails runs orphaned by a crashed instance.
	 */
	public static class Watchdog {

		/**
		 * How often running runs are heartbeated and orphaned runs looked for.
		 */
		private Duration interval = Duration.ofSeconds(30);

		/**
		 * Silence beyond one interval after which an active run counts as orphaned.
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

}
