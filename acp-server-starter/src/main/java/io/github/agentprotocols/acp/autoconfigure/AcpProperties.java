package io.github.agentprotocols.acp.autoconfigure;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the x64acp Assistant Communication Protocol starter, bound
 * under {@code acp} (spec §9): the REST API, the Socket.IO transport, the store and the
 * request limits. The runs' properties are bound by {@code AcpRunProperties}.
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
		 * Origins allowed to open Socket.IO connections; "*" allows every origin.
		 */
		private List<String> allowedOrigins = new ArrayList<>(List.of("*"));

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

}
