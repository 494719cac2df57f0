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
import org.springframework.boot.sql.init.DatabaseInitializationMode;
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

	/**
	 * Return whether the x64acp Assistant Communication Protocol starter is active
	 * ({@code acp.enabled}).
	 * @return the configured value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether the x64acp Assistant Communication Protocol starter is active
	 * ({@code acp.enabled}).
	 * @param enabled the value to set
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the tenant keys whose values, in this order, name the Socket.IO namespace of
	 * each connection and thread (namespace mode), for example org,ws for /A/X
	 * ({@code acp.namespace-keys}).
	 * @return the configured value
	 */
	public @Nullable List<String> getNamespaceKeys() {
		return this.namespaceKeys;
	}

	/**
	 * Set the tenant keys whose values, in this order, name the Socket.IO namespace of
	 * each connection and thread (namespace mode), for example org,ws for /A/X
	 * ({@code acp.namespace-keys}).
	 * @param namespaceKeys the value to set
	 */
	public void setNamespaceKeys(@Nullable List<String> namespaceKeys) {
		this.namespaceKeys = namespaceKeys;
	}

	/**
	 * Return the most events a Socket.IO thread:join replays after its cursor; beyond it
	 * the newest ones are replayed and the reply says replay_truncated
	 * ({@code acp.replay-cap}).
	 * @return the configured value
	 */
	public int getReplayCap() {
		return this.replayCap;
	}

	/**
	 * Set the most events a Socket.IO thread:join replays after its cursor; beyond it the
	 * newest ones are replayed and the reply says replay_truncated
	 * ({@code acp.replay-cap}).
	 * @param replayCap the value to set
	 */
	public void setReplayCap(int replayCap) {
		this.replayCap = replayCap;
	}

	/**
	 * Return the properties under {@code acp.rest}.
	 * @return the properties
	 */
	public Rest getRest() {
		return this.rest;
	}

	/**
	 * Return the properties under {@code acp.socketio}.
	 * @return the properties
	 */
	public Socketio getSocketio() {
		return this.socketio;
	}

	/**
	 * Return the properties under {@code acp.store}.
	 * @return the properties
	 */
	public Store getStore() {
		return this.store;
	}

	/**
	 * Return the properties under {@code acp.limits}.
	 * @return the properties
	 */
	public Limits getLimits() {
		return this.limits;
	}

	/**
	 * Return how long a run's handler may take, from the run's start to its last event,
	 * before the run fails with "timeout" ({@code acp.run-timeout}).
	 * @return the configured value
	 */
	public Duration getRunTimeout() {
		return this.runTimeout;
	}

	/**
	 * Set how long a run's handler may take, from the run's start to its last event,
	 * before the run fails with "timeout" ({@code acp.run-timeout}).
	 * @param runTimeout the value to set
	 */
	public void setRunTimeout(Duration runTimeout) {
		this.runTimeout = runTimeout;
	}

	/**
	 * Return how deep assistants may chain invocations (ctx.invoke); a run invoked by a
	 * client has depth 0 ({@code acp.max-chain-depth}).
	 * @return the configured value
	 */
	public int getMaxChainDepth() {
		return this.maxChainDepth;
	}

	/**
	 * Set how deep assistants may chain invocations (ctx.invoke); a run invoked by a
	 * client has depth 0 ({@code acp.max-chain-depth}).
	 * @param maxChainDepth the value to set
	 */
	public void setMaxChainDepth(int maxChainDepth) {
		this.maxChainDepth = maxChainDepth;
	}

	/**
	 * Return the properties under {@code acp.analytics}.
	 * @return the properties
	 */
	public Analytics getAnalytics() {
		return this.analytics;
	}

	/**
	 * Return the properties under {@code acp.watchdog}.
	 * @return the properties
	 */
	public Watchdog getWatchdog() {
		return this.watchdog;
	}

	/**
	 * Return the properties under {@code acp.shutdown}.
	 * @return the properties
	 */
	public Shutdown getShutdown() {
		return this.shutdown;
	}

	/**
	 * Return the properties under {@code acp.executor}.
	 * @return the properties
	 */
	public Executor getExecutor() {
		return this.executor;
	}

	/**
	 * Return the properties under {@code acp.cluster}.
	 * @return the properties
	 */
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

		/**
		 * Return the path prefix of the REST endpoints ({@code acp.rest.base-path}).
		 * @return the configured value
		 */
		public String getBasePath() {
			return this.basePath;
		}

		/**
		 * Set the path prefix of the REST endpoints ({@code acp.rest.base-path}).
		 * @param basePath the value to set
		 */
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

		/**
		 * Whether a Socket.IO WebSocket may negotiate permessage-deflate compression (a
		 * compressor per connection).
		 */
		private boolean websocketCompression;

		/**
		 * Who serves Socket.IO (long-polling and WebSocket) on the application's port:
		 * in-place (the Socket.IO server, on the client's own connection, unseen by
		 * WebFilters and Spring Security) or bridge (the web server, through its
		 * WebFilters and Spring Security, relayed to the Socket.IO server over a loopback
		 * connection). Unset: bridge where Spring Security's WebFilter chain runs, else
		 * in-place.
		 */
		private @Nullable ApplicationPort applicationPort;

		/**
		 * Return who serves Socket.IO on the application's port
		 * ({@code acp.socketio.application-port}).
		 * @return the configured value, or {@code null} when unset
		 */
		public @Nullable ApplicationPort getApplicationPort() {
			return this.applicationPort;
		}

		/**
		 * Set who serves Socket.IO on the application's port
		 * ({@code acp.socketio.application-port}).
		 * @param applicationPort the value to set
		 */
		public void setApplicationPort(@Nullable ApplicationPort applicationPort) {
			this.applicationPort = applicationPort;
		}

		/**
		 * Return the engine.IO path of the Socket.IO endpoint on the application's port
		 * ({@code acp.socketio.path}).
		 * @return the configured value
		 */
		public String getPath() {
			return this.path;
		}

		/**
		 * Set the engine.IO path of the Socket.IO endpoint on the application's port
		 * ({@code acp.socketio.path}).
		 * @param path the value to set
		 */
		public void setPath(String path) {
			this.path = path;
		}

		/**
		 * Return the further Engine.IO paths served by the same server, on the
		 * application's port and on the direct port, for clients built for another path
		 * (for example /acp/ws beside /socket.io)
		 * ({@code acp.socketio.additional-paths}).
		 * @return the configured value
		 */
		public List<String> getAdditionalPaths() {
			return this.additionalPaths;
		}

		/**
		 * Set the further Engine.IO paths served by the same server, on the application's
		 * port and on the direct port, for clients built for another path (for example
		 * /acp/ws beside /socket.io) ({@code acp.socketio.additional-paths}).
		 * @param additionalPaths the value to set
		 */
		public void setAdditionalPaths(List<String> additionalPaths) {
			this.additionalPaths = additionalPaths;
		}

		/**
		 * Return the port on which the Socket.IO server is also reachable directly, on
		 * acp.socketio.address ({@code acp.socketio.port}).
		 * @return the configured value
		 */
		public @Nullable Integer getPort() {
			return this.port;
		}

		/**
		 * Set the port on which the Socket.IO server is also reachable directly, on
		 * acp.socketio.address ({@code acp.socketio.port}).
		 * @param port the value to set
		 */
		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		/**
		 * Return the network address the direct port (acp.socketio.port) binds to, for
		 * example 0.0.0.0 for every interface ({@code acp.socketio.address}).
		 * @return the configured value
		 */
		public @Nullable InetAddress getAddress() {
			return this.address;
		}

		/**
		 * Set the network address the direct port (acp.socketio.port) binds to, for
		 * example 0.0.0.0 for every interface ({@code acp.socketio.address}).
		 * @param address the value to set
		 */
		public void setAddress(@Nullable InetAddress address) {
			this.address = address;
		}

		/**
		 * Return how long a Socket.IO connection may stay without a namespace connect
		 * (the client's authentication) before it is closed
		 * ({@code acp.socketio.connect-timeout}).
		 * @return the configured value
		 */
		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		/**
		 * Set how long a Socket.IO connection may stay without a namespace connect (the
		 * client's authentication) before it is closed
		 * ({@code acp.socketio.connect-timeout}).
		 * @param connectTimeout the value to set
		 */
		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		/**
		 * Return how many Socket.IO connections may be without a namespace connect at
		 * once; new connections beyond are refused with 503
		 * ({@code acp.socketio.max-pending-connections}).
		 * @return the configured value
		 */
		public int getMaxPendingConnections() {
			return this.maxPendingConnections;
		}

		/**
		 * Set how many Socket.IO connections may be without a namespace connect at once;
		 * new connections beyond are refused with 503
		 * ({@code acp.socketio.max-pending-connections}).
		 * @param maxPendingConnections the value to set
		 */
		public void setMaxPendingConnections(int maxPendingConnections) {
			this.maxPendingConnections = maxPendingConnections;
		}

		/**
		 * Return whether a Socket.IO WebSocket may negotiate permessage-deflate
		 * ({@code acp.socketio.websocket-compression}).
		 * @return {@code true} if it may
		 */
		public boolean isWebsocketCompression() {
			return this.websocketCompression;
		}

		/**
		 * Set whether a Socket.IO WebSocket may negotiate permessage-deflate
		 * ({@code acp.socketio.websocket-compression}).
		 * @param websocketCompression {@code true} if it may
		 */
		public void setWebsocketCompression(boolean websocketCompression) {
			this.websocketCompression = websocketCompression;
		}

		/**
		 * Return the origins, besides the application's own, of pages allowed to open
		 * Socket.IO connections, for example https://app.example.com; "*" allows every
		 * origin, never with credentials ({@code acp.socketio.allowed-origins}).
		 * @return the configured value
		 */
		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		/**
		 * Set the origins, besides the application's own, of pages allowed to open
		 * Socket.IO connections, for example https://app.example.com; "*" allows every
		 * origin, never with credentials ({@code acp.socketio.allowed-origins}).
		 * @param allowedOrigins the value to set
		 */
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
		 * When to create or migrate the PostgreSQL schema at start-up: embedded (only for
		 * an embedded database, which PostgreSQL never is), always or never. The boolean
		 * values are deprecated: true is read as always, false as never.
		 */
		private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

		/**
		 * Return where threads are kept: memory or r2dbc (PostgreSQL through the
		 * application's R2DBC connection factory) ({@code acp.store.type}).
		 * @return the configured value
		 */
		public @Nullable StoreType getType() {
			return this.type;
		}

		/**
		 * Set where threads are kept: memory or r2dbc (PostgreSQL through the
		 * application's R2DBC connection factory) ({@code acp.store.type}).
		 * @param type the value to set
		 */
		public void setType(@Nullable StoreType type) {
			this.type = type;
		}

		/**
		 * Return the prefix of the PostgreSQL table and index names
		 * ({@code acp.store.table-prefix}).
		 * @return the configured value
		 */
		public String getTablePrefix() {
			return this.tablePrefix;
		}

		/**
		 * Set the prefix of the PostgreSQL table and index names
		 * ({@code acp.store.table-prefix}).
		 * @param tablePrefix the value to set
		 */
		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

		/**
		 * Return when to create or migrate the PostgreSQL schema at start-up
		 * ({@code acp.store.initialize-schema}).
		 * @return the configured value
		 */
		public DatabaseInitializationMode getInitializeSchema() {
			return this.initializeSchema;
		}

		/**
		 * Set when to create or migrate the PostgreSQL schema at start-up
		 * ({@code acp.store.initialize-schema}).
		 * @param initializeSchema the value to set
		 */
		public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

	}

	/**
	 * Who serves Socket.IO on the application's port.
	 */
	public enum ApplicationPort {

		/** The Socket.IO server, on the client's own connection. */
		IN_PLACE,

		/** The web server, relaying it to the Socket.IO server over loopback. */
		BRIDGE

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

		/**
		 * Return the largest accepted REST request body; a larger one is answered with
		 * 413 ({@code acp.limits.max-body-size}).
		 * @return the configured value
		 */
		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		/**
		 * Set the largest accepted REST request body; a larger one is answered with 413
		 * ({@code acp.limits.max-body-size}).
		 * @param maxBodySize the value to set
		 */
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

		/**
		 * Return how many analytics events of a run are buffered before they are handed
		 * to the AcpAnalyticsSink ahead of the run's end
		 * ({@code acp.analytics.max-batch-size}).
		 * @return the configured value
		 */
		public int getMaxBatchSize() {
			return this.maxBatchSize;
		}

		/**
		 * Set how many analytics events of a run are buffered before they are handed to
		 * the AcpAnalyticsSink ahead of the run's end
		 * ({@code acp.analytics.max-batch-size}).
		 * @param maxBatchSize the value to set
		 */
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

		/**
		 * Return the time between two heartbeats of the runs this instance holds, and
		 * between two checks for orphaned runs ({@code acp.watchdog.interval}).
		 * @return the configured value
		 */
		public Duration getInterval() {
			return this.interval;
		}

		/**
		 * Set the time between two heartbeats of the runs this instance holds, and
		 * between two checks for orphaned runs ({@code acp.watchdog.interval}).
		 * @param interval the value to set
		 */
		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		/**
		 * Return how much longer than the interval a run's heartbeat may be missing
		 * before the run counts as orphaned and fails with "timeout"
		 * ({@code acp.watchdog.grace}).
		 * @return the configured value
		 */
		public Duration getGrace() {
			return this.grace;
		}

		/**
		 * Set how much longer than the interval a run's heartbeat may be missing before
		 * the run counts as orphaned and fails with "timeout"
		 * ({@code acp.watchdog.grace}).
		 * @param grace the value to set
		 */
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

		/**
		 * Return how long shutdown waits for active runs before failing them with
		 * "interrupted" ({@code acp.shutdown.grace}).
		 * @return the configured value
		 */
		public Duration getGrace() {
			return this.grace;
		}

		/**
		 * Set how long shutdown waits for active runs before failing them with
		 * "interrupted" ({@code acp.shutdown.grace}).
		 * @param grace the value to set
		 */
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

		/**
		 * Return how many runs this instance executes at once; further runs wait
		 * "pending" ({@code acp.executor.concurrency}).
		 * @return the configured value
		 */
		public int getConcurrency() {
			return this.concurrency;
		}

		/**
		 * Set how many runs this instance executes at once; further runs wait "pending"
		 * ({@code acp.executor.concurrency}).
		 * @param concurrency the value to set
		 */
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

		/**
		 * Whether this instance refuses traffic (Spring Boot's readiness state) while its
		 * relay does not hear the cluster channel.
		 */
		private boolean readiness = true;

		/**
		 * How often the relay sends itself a probe while it listens: a channel gone deaf
		 * (health, readiness) is noticed within this interval and 5 s.
		 */
		private Duration probeInterval = Duration.ofSeconds(30);

		private final Postgres postgres = new Postgres();

		/**
		 * Return how instances exchange their broadcasts: postgres (LISTEN/NOTIFY on the
		 * store's database), redis (pub/sub through the application's reactive Redis
		 * connection factory) or none ({@code acp.cluster.transport}).
		 * @return the configured value
		 */
		public @Nullable Transport getTransport() {
			return this.transport;
		}

		/**
		 * Set how instances exchange their broadcasts: postgres (LISTEN/NOTIFY on the
		 * store's database), redis (pub/sub through the application's reactive Redis
		 * connection factory) or none ({@code acp.cluster.transport}).
		 * @param transport the value to set
		 */
		public void setTransport(@Nullable Transport transport) {
			this.transport = transport;
		}

		/**
		 * Return whether this instance refuses traffic (Spring Boot's readiness state)
		 * while its relay does not hear the cluster channel
		 * ({@code acp.cluster.readiness}).
		 * @return the configured value
		 */
		public boolean isReadiness() {
			return this.readiness;
		}

		/**
		 * Set whether this instance refuses traffic (Spring Boot's readiness state) while
		 * its relay does not hear the cluster channel ({@code acp.cluster.readiness}).
		 * @param readiness the value to set
		 */
		public void setReadiness(boolean readiness) {
			this.readiness = readiness;
		}

		/**
		 * Return how often the relay sends itself a probe while it listens
		 * ({@code acp.cluster.probe-interval}).
		 * @return the configured value
		 */
		public Duration getProbeInterval() {
			return this.probeInterval;
		}

		/**
		 * Set how often the relay sends itself a probe while it listens
		 * ({@code acp.cluster.probe-interval}).
		 * @param probeInterval the value to set
		 */
		public void setProbeInterval(Duration probeInterval) {
			this.probeInterval = probeInterval;
		}

		/**
		 * Return the PostgreSQL transport's settings ({@code acp.cluster.postgres.*}).
		 * @return the settings
		 */
		public Postgres getPostgres() {
			return this.postgres;
		}

		/**
		 * The PostgreSQL transport's settings.
		 */
		public static class Postgres {

			/**
			 * R2DBC URL of a direct connection to the store's database for the relay's
			 * LISTEN, for when the application's connections go through a PgBouncer in
			 * transaction pooling, which delivers no notifications. Unset: the
			 * application's connection factory.
			 */
			private @Nullable String url;

			/**
			 * Return the R2DBC URL of a direct connection to the store's database for the
			 * relay's LISTEN ({@code acp.cluster.postgres.url}).
			 * @return the configured value
			 */
			public @Nullable String getUrl() {
				return this.url;
			}

			/**
			 * Set the R2DBC URL of a direct connection to the store's database for the
			 * relay's LISTEN ({@code acp.cluster.postgres.url}).
			 * @param url the value to set
			 */
			public void setUrl(@Nullable String url) {
				this.url = url;
			}

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
