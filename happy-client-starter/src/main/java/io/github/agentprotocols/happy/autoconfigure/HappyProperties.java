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
 * {@code HAPPY_HOME_DIR} to {@code happy.home-dir}.
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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getServerUrl() {
		return this.serverUrl;
	}

	public void setServerUrl(@Nullable String serverUrl) {
		this.serverUrl = serverUrl;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public @Nullable String getCredentialsPath() {
		return this.credentialsPath;
	}

	public void setCredentialsPath(@Nullable String credentialsPath) {
		this.credentialsPath = credentialsPath;
	}

	public @Nullable String getHomeDir() {
		return this.homeDir;
	}

	public void setHomeDir(@Nullable String homeDir) {
		this.homeDir = homeDir;
	}

	public boolean isObtainToken() {
		return this.obtainToken;
	}

	public void setObtainToken(boolean obtainToken) {
		this.obtainToken = obtainToken;
	}

	public @Nullable String getSessionsFile() {
		return this.sessionsFile;
	}

	public void setSessionsFile(@Nullable String sessionsFile) {
		this.sessionsFile = sessionsFile;
	}

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	public MetadataUpdates getMetadataUpdates() {
		return this.metadataUpdates;
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

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

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
		 * How long connecting the socket may take.
		 */
		private Duration connect = Duration.ofSeconds(20);

		/**
		 * How long to wait for an RPC's acknowledgement; more than the server's own 15 s
		 * + 30 s.
		 */
		private Duration rpc = Duration.ofSeconds(60);

		/**
		 * How long to wait for the acknowledgement of a metadata update.
		 */
		private Duration metadataAck = Duration.ofSeconds(15);

		public Duration getRequest() {
			return this.request;
		}

		public void setRequest(Duration request) {
			this.request = request;
		}

		public Duration getConnect() {
			return this.connect;
		}

		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		public Duration getRpc() {
			return this.rpc;
		}

		public void setRpc(Duration rpc) {
			this.rpc = rpc;
		}

		public Duration getMetadataAck() {
			return this.metadataAck;
		}

		public void setMetadataAck(Duration metadataAck) {
			this.metadataAck = metadataAck;
		}

	}

}
