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

package io.github.agentprotocols.happy.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What a client needs to talk to a Happy server: the server URL, the bearer token and the
 * 32-byte secret that decrypts the account's records.
 * <p>
 * The sources are those of the Python SDK: environment variables ({@link #fromEnv()}), a
 * key file ({@link #fromKeyFile(String, Path)}), inline values ({@link #of}), and the
 * SDK's default constructor with its precedence, {@link #lookup()}. A master secret
 * without a token ({@link #withoutToken}) lets the client obtain a token by the signed
 * challenge. When no server URL is given, {@value #DEFAULT_SERVER_URL} (the Happy cloud
 * the official CLIs use) applies, and is logged once. Every failure is a
 * {@link HappyAuthenticationException} naming what is missing.
 */
public final class HappyCredentials {

	/**
	 * The server URL used when none is given: the hosted Happy server the official CLIs
	 * default to.
	 */
	public static final String DEFAULT_SERVER_URL = "https://api.cluster-fluster.com";

	static final String SERVER_URL_VARIABLE = "HAPPY_SERVER_URL";

	static final String TOKEN_VARIABLE = "HAPPY_TOKEN";

	static final String SECRET_VARIABLE = "HAPPY_SECRET";

	static final String HOME_VARIABLE = "HAPPY_HOME_DIR";

	private static final int SECRET_LENGTH = 32;

	private static final Log logger = LogFactory.getLog(HappyCredentials.class);

	private static final AtomicBoolean defaultUrlLogged = new AtomicBoolean();

	private final String serverUrl;

	private final @Nullable String token;

	private final byte[] secret;

	private final SecretKind secretKind;

	private HappyCredentials(String serverUrl, @Nullable String token, byte[] secret, SecretKind secretKind) {
		this.serverUrl = serverUrl;
		this.token = token;
		this.secret = secret;
		this.secretKind = secretKind;
	}

	/**
	 * Credentials given inline.
	 * @param serverUrl the server URL, or {@code null} for {@link #DEFAULT_SERVER_URL}
	 * @param token the bearer token
	 * @param secretBase64 base64 of the 32-byte secret (master secret or machine key)
	 * @return the credentials, of {@link SecretKind#UNKNOWN} kind
	 */
	public static HappyCredentials of(@Nullable String serverUrl, String token, String secretBase64) {
		return new HappyCredentials(normalizeServerUrl(serverUrl), requireToken(token, "The token"),
				decodeSecret(secretBase64, "The secret"), SecretKind.UNKNOWN);
	}

	/**
	 * Credentials holding only the account master secret; the client obtains a token with
	 * the signed challenge ({@code POST /v1/auth}).
	 * @param serverUrl the server URL, or {@code null} for {@link #DEFAULT_SERVER_URL}
	 * @param masterSecretBase64 base64 of the 32-byte account master secret
	 * @return the credentials, without a token
	 */
	public static HappyCredentials withoutToken(@Nullable String serverUrl, String masterSecretBase64) {
		return new HappyCredentials(normalizeServerUrl(serverUrl), null,
				decodeSecret(masterSecretBase64, "The master secret"), SecretKind.MASTER_SECRET);
	}

	/**
	 * Credentials from the process's environment variables {@code HAPPY_SERVER_URL},
	 * {@code HAPPY_TOKEN} and {@code HAPPY_SECRET}, all required.
	 * @return the credentials
	 */
	public static HappyCredentials fromEnv() {
		return fromEnv(System.getenv(), null);
	}

	/**
	 * Credentials from the process's environment variables {@code HAPPY_TOKEN} and
	 * {@code HAPPY_SECRET}, with the given server URL.
	 * @param serverUrl the server URL, replacing {@code HAPPY_SERVER_URL}; when
	 * {@code null}, {@code HAPPY_SERVER_URL} is required
	 * @return the credentials
	 */
	public static HappyCredentials fromEnv(@Nullable String serverUrl) {
		return fromEnv(System.getenv(), serverUrl);
	}

	/**
	 * Credentials from the given environment variables {@code HAPPY_TOKEN},
	 * {@code HAPPY_SECRET} and, unless a server URL is given, {@code HAPPY_SERVER_URL}.
	 * @param env the environment variables
	 * @param serverUrl the server URL replacing {@code HAPPY_SERVER_URL}, if any
	 * @return the credentials, of {@link SecretKind#UNKNOWN} kind
	 * @throws HappyAuthenticationException naming every missing variable, or if
	 * {@code HAPPY_SECRET} is not base64 of 32 bytes
	 */
	public static HappyCredentials fromEnv(Map<String, String> env, @Nullable String serverUrl) {
		List<String> missing = new ArrayList<>();
		String url = hasText(serverUrl) ? serverUrl : variable(env, SERVER_URL_VARIABLE, missing);
		String token = variable(env, TOKEN_VARIABLE, missing);
		String secret = variable(env, SECRET_VARIABLE, missing);
		if (!missing.isEmpty()) {
			throw new HappyAuthenticationException(
					"Missing environment variable" + ((missing.size() > 1) ? "s " : " ") + String.join(", ", missing));
		}
		return new HappyCredentials(normalizeServerUrl(url), token, decodeSecret(secret, SECRET_VARIABLE),
				SecretKind.UNKNOWN);
	}

	/**
	 * Credentials from a key file: {@code {"token", "secret"}} (agent.key, legacy
	 * access.key) or {@code {"token", "encryption": {"machineKey"}}} (CLI access.key).
	 * @param serverUrl the server URL, or {@code null} for {@link #DEFAULT_SERVER_URL}
	 * (never read from the file)
	 * @param keyFile the key file
	 * @return the credentials, of {@link SecretKind#MASTER_SECRET} or
	 * {@link SecretKind#MACHINE_KEY} kind
	 * @throws HappyAuthenticationException if the file is missing, is not JSON, has no
	 * token, or its secret is not base64 of 32 bytes
	 */
	public static HappyCredentials fromKeyFile(@Nullable String serverUrl, Path keyFile) {
		return fromKeyFile(normalizeServerUrl(serverUrl), HappyKeyFile.read(keyFile));
	}

	private static HappyCredentials fromKeyFile(String serverUrl, HappyKeyFile file) {
		return new HappyCredentials(serverUrl, file.token(), file.secret(), file.kind());
	}

	/**
	 * Starts a look-up with the SDK constructor's sources and precedence.
	 * @return the look-up, reading the process's environment and user home until told
	 * otherwise
	 */
	public static Lookup lookup() {
		return new Lookup();
	}

	/**
	 * The server URL, without trailing slashes.
	 * @return the server URL
	 */
	public String serverUrl() {
		return this.serverUrl;
	}

	/**
	 * The bearer token.
	 * @return the token, or {@code null} when it is to be obtained by the signed
	 * challenge
	 */
	public @Nullable String token() {
		return this.token;
	}

	/**
	 * The 32-byte secret.
	 * @return a copy of the secret
	 */
	public byte[] secret() {
		return this.secret.clone();
	}

	/**
	 * What the secret is, as far as its source tells.
	 * @return the kind of secret
	 */
	public SecretKind secretKind() {
		return this.secretKind;
	}

	/**
	 * These credentials with the given token, such as one obtained by the signed
	 * challenge.
	 * @param token the bearer token
	 * @return new credentials
	 */
	public HappyCredentials withToken(String token) {
		return new HappyCredentials(this.serverUrl, requireToken(token, "The token"), this.secret, this.secretKind);
	}

	@Override
	public String toString() {
		return "HappyCredentials[serverUrl=" + this.serverUrl + ", token="
				+ ((this.token != null) ? "present" : "absent") + ", secretKind=" + this.secretKind + "]";
	}

	static byte[] decodeSecret(String base64, String what) {
		byte[] secret;
		try {
			secret = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new HappyAuthenticationException(what + " is not valid base64");
		}
		if (secret.length != SECRET_LENGTH) {
			throw new HappyAuthenticationException(
					what + " must be base64 of " + SECRET_LENGTH + " bytes, not " + secret.length + " bytes");
		}
		return secret;
	}

	private static String requireToken(@Nullable String token, String what) {
		if (!hasText(token)) {
			throw new HappyAuthenticationException(what + " is empty");
		}
		return token.trim();
	}

	private static @Nullable String variable(Map<String, String> env, String name, List<String> missing) {
		String value = env.get(name);
		if (!hasText(value)) {
			missing.add(name);
			return null;
		}
		return value;
	}

	private static String normalizeServerUrl(@Nullable String serverUrl) {
		if (!hasText(serverUrl)) {
			if (defaultUrlLogged.compareAndSet(false, true)) {
				logger.info("No Happy server URL given; using the Happy cloud, " + DEFAULT_SERVER_URL);
			}
			return DEFAULT_SERVER_URL;
		}
		String url = serverUrl.trim();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * The SDK constructor's look-up: inline token and secret, else a credentials file,
	 * else the default key file ({@code agent.key}, then {@code access.key}, under
	 * {@code HAPPY_HOME_DIR} or {@code ~/.happy}, preferring the one holding a master
	 * secret). The server URL is the one given, else {@code HAPPY_SERVER_URL}, else
	 * {@link #DEFAULT_SERVER_URL}.
	 */
	public static final class Lookup {

		private @Nullable String serverUrl;

		private @Nullable String token;

		private @Nullable String secret;

		private @Nullable String credentialsPath;

		private boolean obtainToken;

		private Map<String, String> env = System.getenv();

		private Path userHome = Path.of(System.getProperty("user.home"));

		private Lookup() {
		}

		/**
		 * Sets the server URL, replacing {@code HAPPY_SERVER_URL}.
		 * @param serverUrl the server URL, or {@code null}
		 * @return this look-up
		 */
		public Lookup serverUrl(@Nullable String serverUrl) {
			this.serverUrl = serverUrl;
			return this;
		}

		/**
		 * Sets the inline token, which needs the inline secret.
		 * @param token the bearer token, or {@code null}
		 * @return this look-up
		 */
		public Lookup token(@Nullable String token) {
			this.token = token;
			return this;
		}

		/**
		 * Sets the inline secret, which needs the inline token unless
		 * {@link #obtainToken(boolean)} is set.
		 * @param secretBase64 base64 of the 32-byte secret, or {@code null}
		 * @return this look-up
		 */
		public Lookup secret(@Nullable String secretBase64) {
			this.secret = secretBase64;
			return this;
		}

		/**
		 * Sets the key file to read when no inline credentials are given; a leading
		 * {@code ~/} stands for the user home.
		 * @param credentialsPath the key file path, or {@code null}
		 * @return this look-up
		 */
		public Lookup credentialsPath(@Nullable String credentialsPath) {
			this.credentialsPath = credentialsPath;
			return this;
		}

		/**
		 * Sets whether an inline secret without a token is the account master secret, the
		 * token to be obtained by the signed challenge.
		 * @param obtainToken whether to accept a secret without a token
		 * @return this look-up
		 */
		public Lookup obtainToken(boolean obtainToken) {
			this.obtainToken = obtainToken;
			return this;
		}

		/**
		 * Sets the environment variables to read ({@code HAPPY_SERVER_URL},
		 * {@code HAPPY_HOME_DIR}) instead of the process's.
		 * @param env the environment variables
		 * @return this look-up
		 */
		public Lookup environment(Map<String, String> env) {
			this.env = env;
			return this;
		}

		/**
		 * Sets the user home instead of the {@code user.home} system property.
		 * @param userHome the user home directory
		 * @return this look-up
		 */
		public Lookup userHome(Path userHome) {
			this.userHome = userHome;
			return this;
		}

		/**
		 * Finds the credentials.
		 * @return the credentials, or empty when none is given and no default key file
		 * exists
		 * @throws HappyAuthenticationException if half of the inline credentials is
		 * given, or the key file chosen is missing or invalid
		 */
		public Optional<HappyCredentials> find() {
			String url = hasText(this.serverUrl) ? this.serverUrl : this.env.get(SERVER_URL_VARIABLE);
			if (hasText(this.secret)) {
				if (hasText(this.token)) {
					return Optional.of(of(url, this.token, this.secret));
				}
				if (this.obtainToken) {
					return Optional.of(withoutToken(url, this.secret));
				}
				throw new HappyAuthenticationException("Happy credentials are incomplete: a secret is given but no "
						+ "token (give the token too, or obtain one by the signed challenge)");
			}
			if (hasText(this.token)) {
				throw new HappyAuthenticationException(
						"Happy credentials are incomplete: a token is given but no secret");
			}
			if (hasText(this.credentialsPath)) {
				return Optional.of(fromKeyFile(url, expand(this.credentialsPath.trim())));
			}
			return defaultKeyFile().map((file) -> fromKeyFile(normalizeServerUrl(url), file));
		}

		/**
		 * Finds the credentials, which must exist.
		 * @return the credentials
		 * @throws HappyAuthenticationException if none is found, naming where they were
		 * looked for, or as {@link #find()}
		 */
		public HappyCredentials resolve() {
			return find().orElseThrow(() -> new HappyAuthenticationException("No Happy credentials: give a token and "
					+ "secret, a credentials path, or place agent.key or access.key in " + happyHome()));
		}

		private Optional<HappyKeyFile> defaultKeyFile() {
			Path agentKey = happyHome().resolve("agent.key");
			Path accessKey = happyHome().resolve("access.key");
			HappyKeyFile agent = Files.exists(agentKey) ? HappyKeyFile.read(agentKey) : null;
			if (agent != null && agent.kind() == SecretKind.MASTER_SECRET) {
				return Optional.of(agent);
			}
			HappyKeyFile access = Files.exists(accessKey) ? HappyKeyFile.read(accessKey) : null;
			if (access != null && (agent == null || access.kind() == SecretKind.MASTER_SECRET)) {
				return Optional.of(access);
			}
			return Optional.ofNullable(agent);
		}

		private Path happyHome() {
			String home = this.env.get(HOME_VARIABLE);
			return hasText(home) ? expand(home.trim()) : this.userHome.resolve(".happy");
		}

		private Path expand(String path) {
			if (path.equals("~")) {
				return this.userHome;
			}
			return path.startsWith("~/") ? this.userHome.resolve(path.substring(2)) : Path.of(path);
		}

	}

}
