package io.github.agentprotocols.acp.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the relay between the instances of an application, bound
 * under {@code acp.cluster}.
 */
@ConfigurationProperties("acp.cluster")
public class AcpClusterProperties {

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
