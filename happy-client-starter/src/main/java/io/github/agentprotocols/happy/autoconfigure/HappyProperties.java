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

package io.github.agentprotocols.happy.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Happy agent sessions starter, bound under
 * {@code happy}. The SDK's environment variables bind to them by Spring's relaxed rules:
 * {@code HAPPY_SERVER_URL} to {@code happy.server-url}, {@code HAPPY_TOKEN} to
 * {@code happy.token}, {@code HAPPY_SECRET} to {@code happy.secret} and
 * {@code HAPPY_HOME_DIR} to {@code happy.home-dir}, and {@code HAPPY_ALLOW_INSECURE_HTTP}
 * to {@code happy.allow-insecure-http}.
 * <p>
 * Credentials, by precedence (spec §1.4): {@code token} and {@code secret} inline; else
 * the key file at {@code credentials-path}; else {@code agent.key} or {@code access.key}
 * in the home directory. With {@code obtain-token}, a master secret alone is enough: the
 * client obtains a token by the signed challenge.
 */
@ConfigurationProperties("happy")
public class HappyProperties {

	/**
	 * Whether the Happy agent sessions starter is active. Set to false to back the whole
	 * starter off.
	 */
	private boolean enabled = true;

	/**
	 * URL of the Happy server. Defaults to the hosted server the official CLIs use,
	 * https://api.cluster-fluster.com.
	 */
	private @Nullable String serverUrl;

	/**
	 * Whether a plain http:// server URL may name a host that is not a loopback address
	 * (localhost, 127.0.0.0/8, ::1); refused otherwise, since the bearer token would
	 * cross the network unencrypted. Host names are not resolved.
	 */
	private boolean allowInsecureHttp;

	/**
	 * Bearer token of the account (a JWT).
	 */
	private @Nullable String token;

	/**
	 * Base64 of the 32-byte secret: the account's master secret, or a machine key.
	 */
	private @Nullable String secret;

	/**
	 * Key file to read the token and secret from (access.key or agent.key format); a
	 * leading ~/ is the user's home directory.
	 */
	private @Nullable String credentialsPath;

	/**
	 * Directory of the default key files, agent.key then access.key. Defaults to
	 * ~/.happy.
	 */
	private @Nullable String homeDir;

	/**
	 * Whether a master secret without a token is enough: the client then obtains a token
	 * by the signed challenge (POST /v1/auth).
	 */
	private boolean obtainToken;

	/**
	 * The daemon's sessions.json on this host, to open the sessions a machine key cannot
	 * (same-host fallback).
	 */
	private @Nullable String sessionsFile;

	/**
	 * Client id sent in X-Happy-Client and as the messages' sentFrom.
	 */
	private String clientId = "happy-sdk-java/0.1.0";

	private final Timeouts timeouts = new Timeouts();

	private final MetadataUpdates metadataUpdates = new MetadataUpdates();

	private final Ssl ssl = new Ssl();

	/**
	 * Return whether the Happy agent sessions starter is active ({@code happy.enabled}).
	 * @return the configured value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether the Happy agent sessions starter is active ({@code happy.enabled}).
	 * @param enabled the value to set
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the URL of the Happy server ({@code happy.server-url}).
	 * @return the configured value
	 */
	public @Nullable String getServerUrl() {
		return this.serverUrl;
	}

	/**
	 * Set the URL of the Happy server ({@code happy.server-url}).
	 * @param serverUrl the value to set
	 */
	public void setServerUrl(@Nullable String serverUrl) {
		this.serverUrl = serverUrl;
	}

	/**
	 * Return the bearer token of the account (a JWT) ({@code happy.token}).
	 * @return the configured value
	 */
	public @Nullable String getToken() {
		return this.token;
	}

	/**
	 * Set the bearer token of the account (a JWT) ({@code happy.token}).
	 * @param token the value to set
	 */
	public void setToken(@Nullable String token) {
		this.token = token;
	}

	/**
	 * Return the base64 of the 32-byte secret: the account's master secret, or a machine
	 * key ({@code happy.secret}).
	 * @return the configured value
	 */
	public @Nullable String getSecret() {
		return this.secret;
	}

	/**
	 * Set the base64 of the 32-byte secret: the account's master secret, or a machine key
	 * ({@code happy.secret}).
	 * @param secret the value to set
	 */
	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	/**
	 * Return the key file to read the token and secret from (access.key or agent.key
	 * format); a leading ~/ is the user's home directory
	 * ({@code happy.credentials-path}).
	 * @return the configured value
	 */
	public @Nullable String getCredentialsPath() {
		return this.credentialsPath;
	}

	/**
	 * Set the key file to read the token and secret from (access.key or agent.key
	 * format); a leading ~/ is the user's home directory
	 * ({@code happy.credentials-path}).
	 * @param credentialsPath the value to set
	 */
	public void setCredentialsPath(@Nullable String credentialsPath) {
		this.credentialsPath = credentialsPath;
	}

	/**
	 * Return the directory of the default key files, agent.key then access.key
	 * ({@code happy.home-dir}).
	 * @return the configured value
	 */
	public @Nullable String getHomeDir() {
		return this.homeDir;
	}

	/**
	 * Set the directory of the default key files, agent.key then access.key
	 * ({@code happy.home-dir}).
	 * @param homeDir the value to set
	 */
	public void setHomeDir(@Nullable String homeDir) {
		this.homeDir = homeDir;
	}

	/**
	 * Return whether a master secret without a token is enough: the client then obtains a
	 * token by the signed challenge (POST /v1/auth) ({@code happy.obtain-token}).
	 * @return the configured value
	 */
	public boolean isObtainToken() {
		return this.obtainToken;
	}

	/**
	 * Set whether a master secret without a token is enough: the client then obtains a
	 * token by the signed challenge (POST /v1/auth) ({@code happy.obtain-token}).
	 * @param obtainToken the value to set
	 */
	public void setObtainToken(boolean obtainToken) {
		this.obtainToken = obtainToken;
	}

	/**
	 * Return whether a plain http:// server URL may name a host that is not a loopback
	 * address ({@code happy.allow-insecure-http}).
	 * @return the configured value
	 */
	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	/**
	 * Set whether a plain http:// server URL may name a host that is not a loopback
	 * address ({@code happy.allow-insecure-http}).
	 * @param allowInsecureHttp the value to set
	 */
	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	/**
	 * Return the daemon's sessions.json on this host, to open the sessions a machine key
	 * cannot (same-host fallback) ({@code happy.sessions-file}).
	 * @return the configured value
	 */
	public @Nullable String getSessionsFile() {
		return this.sessionsFile;
	}

	/**
	 * Set the daemon's sessions.json on this host, to open the sessions a machine key
	 * cannot (same-host fallback) ({@code happy.sessions-file}).
	 * @param sessionsFile the value to set
	 */
	public void setSessionsFile(@Nullable String sessionsFile) {
		this.sessionsFile = sessionsFile;
	}

	/**
	 * Return the client id sent in X-Happy-Client and as the messages' sentFrom
	 * ({@code happy.client-id}).
	 * @return the configured value
	 */
	public String getClientId() {
		return this.clientId;
	}

	/**
	 * Set the client id sent in X-Happy-Client and as the messages' sentFrom
	 * ({@code happy.client-id}).
	 * @param clientId the value to set
	 */
	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	/**
	 * Return the properties under {@code happy.timeouts}.
	 * @return the properties
	 */
	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Return the properties under {@code happy.metadata-updates}.
	 * @return the properties
	 */
	public MetadataUpdates getMetadataUpdates() {
		return this.metadataUpdates;
	}

	/**
	 * Return the properties under {@code happy.ssl}.
	 * @return the properties
	 */
	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * TLS of the connections to the Happy server.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) of the REST calls and of the
		 * Socket.IO connection to the Happy server: the authorities trusted instead of
		 * the JDK's, and the client certificate, if any. The JDK's trust store when
		 * unset.
		 */
		private @Nullable String bundle;

		/**
		 * Return the name of the SSL bundle of the REST calls and of the Socket.IO
		 * connection to the Happy server ({@code happy.ssl.bundle}).
		 * @return the configured value
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Set the name of the SSL bundle of the REST calls and of the Socket.IO
		 * connection to the Happy server ({@code happy.ssl.bundle}).
		 * @param bundle the value to set
		 */
		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Retries of session metadata updates that lose an optimistic-concurrency race (spec
	 * §8.8).
	 */
	public static class MetadataUpdates {

		/**
		 * How many times a metadata update is tried before it fails with
		 * MetadataConflictException. The default suits a client racing the session's
		 * agent and a few other writers; raise it when many clients write one session at
		 * once.
		 */
		private int maxAttempts = 5;

		/**
		 * Longest random pause before retrying a lost race. Pauses grow with each attempt
		 * from the measured round trip (at least 20 ms) up to this ceiling.
		 */
		private Duration maxBackoff = Duration.ofSeconds(2);

		/**
		 * Return how many times a metadata update is tried before it fails with
		 * MetadataConflictException ({@code happy.metadata-updates.max-attempts}).
		 * @return the configured value
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Set how many times a metadata update is tried before it fails with
		 * MetadataConflictException ({@code happy.metadata-updates.max-attempts}).
		 * @param maxAttempts the value to set
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * Return the longest random pause before retrying a lost race
		 * ({@code happy.metadata-updates.max-backoff}).
		 * @return the configured value
		 */
		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		/**
		 * Set the longest random pause before retrying a lost race
		 * ({@code happy.metadata-updates.max-backoff}).
		 * @param maxBackoff the value to set
		 */
		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Timeouts of the client (spec §11).
	 */
	public static class Timeouts {

		/**
		 * How long one REST request may take.
		 */
		private Duration request = Duration.ofSeconds(30);

		/**
		 * How long connecting the socket may take. When not set, Spring Boot's
		 * spring.http.clients.connect-timeout, else 20 seconds.
		 */
		private @Nullable Duration connect;

		/**
		 * How long to wait for an RPC's acknowledgement; more than the server's own 15 s
		 * + 30 s.
		 */
		private Duration rpc = Duration.ofSeconds(60);

		/**
		 * How long to wait for the acknowledgement of a metadata update.
		 */
		private Duration metadataAck = Duration.ofSeconds(15);

		/**
		 * Return how long one REST request may take ({@code happy.timeouts.request}).
		 * @return the configured value
		 */
		public Duration getRequest() {
			return this.request;
		}

		/**
		 * Set how long one REST request may take ({@code happy.timeouts.request}).
		 * @param request the value to set
		 */
		public void setRequest(Duration request) {
			this.request = request;
		}

		/**
		 * Return how long connecting the socket may take
		 * ({@code happy.timeouts.connect}).
		 * @return the configured value
		 */
		public @Nullable Duration getConnect() {
			return this.connect;
		}

		/**
		 * Set how long connecting the socket may take ({@code happy.timeouts.connect}).
		 * @param connect the value to set
		 */
		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		/**
		 * Return how long to wait for an RPC's acknowledgement; more than the server's
		 * own 15 s + 30 s ({@code happy.timeouts.rpc}).
		 * @return the configured value
		 */
		public Duration getRpc() {
			return this.rpc;
		}

		/**
		 * Set how long to wait for an RPC's acknowledgement; more than the server's own
		 * 15 s + 30 s ({@code happy.timeouts.rpc}).
		 * @param rpc the value to set
		 */
		public void setRpc(Duration rpc) {
			this.rpc = rpc;
		}

		/**
		 * Return how long to wait for the acknowledgement of a metadata update
		 * ({@code happy.timeouts.metadata-ack}).
		 * @return the configured value
		 */
		public Duration getMetadataAck() {
			return this.metadataAck;
		}

		/**
		 * Set how long to wait for the acknowledgement of a metadata update
		 * ({@code happy.timeouts.metadata-ack}).
		 * @param metadataAck the value to set
		 */
		public void setMetadataAck(Duration metadataAck) {
			this.metadataAck = metadataAck;
		}

	}

}
