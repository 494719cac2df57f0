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

package io.github.agentprotocols.acp.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the x64acp Assistant Communication Protocol starter, bound
 * under {@code acp} (spec §9): the REST API, the Socket.IO transport, the store and the
 * request limits, the runs (their names are those of spec §9: {@code acp.run-timeout},
 * {@code acp.watchdog.*}, ...) and the relay between instances ({@code acp.cluster.*}).
 */
@ConfigurationProperties("acp")
public class AcpProperties {

	/**
	 * Whether the x64acp Assistant Communication Protocol starter is active. Set to false
	 * to back the whole starter off.
	 */
	private boolean enabled = true;

	/**
	 * Tenant keys whose values, in this order, name the Socket.IO namespace of each
	 * connection and thread (namespace mode), for example org,ws for /A/X. Unset: only
	 * the default namespace.
	 */
	private @Nullable List<String> namespaceKeys;

	/**
	 * Most events a Socket.IO thread:join replays after its cursor; beyond it the newest
	 * ones are replayed and the reply says replay_truncated.
	 */
	private int replayCap = 500;

	private final Rest rest = new Rest();

	private final Socketio socketio = new Socketio();

	private final Store store = new Store();

	private final Limits limits = new Limits();

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

	private final Cluster cluster = new Cluster();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable List<String> getNamespaceKeys() {
		return this.namespaceKeys;
	}

	public void setNamespaceKeys(@Nullable List<String> namespaceKeys) {
		this.namespaceKeys = namespaceKeys;
	}

	public int getReplayCap() {
		return this.replayCap;
	}

	public void setReplayCap(int replayCap) {
		this.replayCap = replayCap;
	}

	public Rest getRest() {
		return this.rest;
	}

	public Socketio getSocketio() {
		return this.socketio;
	}

	public Store getStore() {
		return this.store;
	}

	public Limits getLimits() {
		return this.limits;
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

	public Cluster getCluster() {
		return this.cluster;
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
	 * The Socket.IO transport, served on the application's HTTP port.
	 */
	public static class Socketio {

		/**
		 * Engine.IO path of the Socket.IO endpoint on the application's port.
		 */
		private String path = "/socket.io";

		/**
		 * Further Engine.IO paths served by the same server, on the application's port
		 * and on the direct port, for clients built for another path (for example /acp/ws
		 * beside /socket.io).
		 */
		private List<String> additionalPaths = new ArrayList<>();

		/**
		 * Port on which the Socket.IO server is also reachable directly, on
		 * acp.socketio.address. Unset to serve Socket.IO on the application's port only.
		 */
		private @Nullable Integer port;

		/**
		 * Network address the direct port (acp.socketio.port) binds to, for example
		 * 0.0.0.0 for every interface. Unset: the loopback address only.
		 */
		private @Nullable InetAddress address;

		/**
		 * Origins, besides the application's own, of pages allowed to open Socket.IO
		 * connections, for example https://app.example.com; "*" allows every origin,
		 * never with credentials. Empty: the application's own origin only.
		 */
		private List<String> allowedOrigins = new ArrayList<>();

		/**
		 * How long a Socket.IO connection may stay without a namespace connect (the
		 * client's authentication) before it is closed.
		 */
		private Duration connectTimeout = Duration.ofSeconds(45);

		/**
		 * How many Socket.IO connections may be without a namespace connect at once; new
		 * connections beyond are refused with 503.
		 */
		private int maxPendingConnections = 1000;

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public List<String> getAdditionalPaths() {
			return this.additionalPaths;
		}

		public void setAdditionalPaths(List<String> additionalPaths) {
			this.additionalPaths = additionalPaths;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public @Nullable InetAddress getAddress() {
			return this.address;
		}

		public void setAddress(@Nullable InetAddress address) {
			this.address = address;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public int getMaxPendingConnections() {
			return this.maxPendingConnections;
		}

		public void setMaxPendingConnections(int maxPendingConnections) {
			this.maxPendingConnections = maxPendingConnections;
		}

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

	}

	/**
	 * Where threads, events and runs are kept: PostgreSQL when the application has an
	 * R2DBC connection factory (spring.r2dbc.url), else the application's memory.
	 */
	public static class Store {

		/**
		 * Where threads are kept: memory or r2dbc (PostgreSQL through the application's
		 * R2DBC connection factory). Unset: r2dbc when the application has an R2DBC
		 * connection factory, else memory.
		 */
		private @Nullable StoreType type;

		/**
		 * Prefix of the PostgreSQL table and index names.
		 */
		private String tablePrefix = "acp_";

		/**
		 * Whether to create or migrate the PostgreSQL schema at start-up.
		 */
		private boolean initializeSchema = true;

		public @Nullable StoreType getType() {
			return this.type;
		}

		public void setType(@Nullable StoreType type) {
			this.type = type;
		}

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
	 * Where state lives.
	 */
	public enum StoreType {

		/** The application's memory: one instance, lost on restart. */
		MEMORY,

		/** PostgreSQL through the application's R2DBC connection factory. */
		R2DBC

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

	/**
	 * The relay between the instances of an application.
	 */
	public static class Cluster {

		/**
		 * How instances exchange their broadcasts: postgres (LISTEN/NOTIFY on the store's
		 * database), redis (pub/sub through the application's reactive Redis connection
		 * factory) or none. Unset: postgres with the PostgreSQL store, else none.
		 */
		private @Nullable Transport transport;

		public @Nullable Transport getTransport() {
			return this.transport;
		}

		public void setTransport(@Nullable Transport transport) {
			this.transport = transport;
		}

		/**
		 * A transport of the cluster relay.
		 */
		public enum Transport {

			/** PostgreSQL LISTEN/NOTIFY on the store's database. */
			POSTGRES,

			/** Redis pub/sub. */
			REDIS,

			/** No relay: one instance. */
			NONE

		}

	}

}
