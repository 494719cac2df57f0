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

import java.nio.file.Path;
import java.util.Map;

import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.commons.diagnostics.ProtocolProperty;
import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Maps {@link HappyProperties} to what the starter builds: the {@link HappyCredentials},
 * with the SDK's precedence (spec §1.4: token and secret inline, else the configured key
 * file, else {@code agent.key} or {@code access.key} in the home directory), and the
 * options of the {@link ReactiveHappyClient}.
 */
final class HappyPropertiesMapper {

	private static final ProtocolProperty SERVER_URL = new ProtocolProperty("happy.server-url", "HAPPY_SERVER_URL",
			"reaching the Happy server");

	private static final ProtocolProperty TOKEN = new ProtocolProperty("happy.token", "HAPPY_TOKEN",
			"authenticating at the Happy server");

	private static final ProtocolProperty SECRET = new ProtocolProperty("happy.secret", "HAPPY_SECRET",
			"decrypting Happy sessions");

	private static final ProtocolProperty CREDENTIALS_PATH = new ProtocolProperty("happy.credentials-path", null,
			"reading the token and secret from a key file");

	private final HappyProperties properties;

	HappyPropertiesMapper(HappyProperties properties) {
		this.properties = properties;
	}

	/**
	 * Whether the properties give credentials, perhaps only half of them or a default key
	 * file that turns out invalid: {@link #credentials()} then fails saying why.
	 * @return whether they give any
	 */
	boolean hasCredentials() {
		if (hasText(this.properties.getToken()) || hasText(this.properties.getSecret())
				|| hasText(this.properties.getCredentialsPath())) {
			return true;
		}
		try {
			return lookup().find().isPresent();
		}
		catch (HappyException ex) {
			return true;
		}
	}

	/**
	 * The credentials.
	 * @return the credentials
	 * @throws MissingProtocolPropertyException when only half are configured, or one is
	 * still a placeholder
	 * @throws InvalidHappySecretException when {@code happy.secret} is not base64 of 32
	 * bytes
	 * @throws HappyAuthenticationException when a key file is missing or invalid
	 */
	HappyCredentials credentials() {
		SERVER_URL.resolved(this.properties.getServerUrl());
		boolean token = hasText(TOKEN.resolved(this.properties.getToken()));
		boolean secret = hasText(SECRET.resolved(this.properties.getSecret()));
		CREDENTIALS_PATH.resolved(this.properties.getCredentialsPath());
		if (token && !secret) {
			throw new MissingProtocolPropertyException("happy.secret", "HAPPY_SECRET",
					"decrypting Happy sessions; happy.token is set");
		}
		if (secret && !token && !this.properties.isObtainToken()) {
			throw new MissingProtocolPropertyException("happy.token", "HAPPY_TOKEN",
					"authenticating at the Happy server; happy.secret is set "
							+ "(or set happy.obtain-token=true to obtain one with a master secret)");
		}
		try {
			return lookup().resolve();
		}
		catch (HappyAuthenticationException ex) {
			// with an inline secret, the look-up only decodes it: the token has text
			if (secret) {
				throw new InvalidHappySecretException(ex);
			}
			throw ex;
		}
	}

	/**
	 * The credentials of connection details: as resolved from the properties, or as a
	 * connection details bean gives them.
	 * @param details the connection details
	 * @return the credentials
	 */
	static HappyCredentials credentials(HappyConnectionDetails details) {
		if (details instanceof PropertiesHappyConnectionDetails properties) {
			return properties.credentials();
		}
		String token = details.getToken();
		return (token != null) ? HappyCredentials.of(details.getServerUrl(), token, details.getSecret())
				: HappyCredentials.withoutToken(details.getServerUrl(), details.getSecret());
	}

	/**
	 * Apply the client's options to a builder.
	 * @param builder the builder
	 * @return the builder
	 */
	ReactiveHappyClient.Builder client(ReactiveHappyClient.Builder builder) {
		PropertyMapper map = PropertyMapper.get();
		HappyProperties.Timeouts timeouts = this.properties.getTimeouts();
		HappyProperties.MetadataUpdates metadataUpdates = this.properties.getMetadataUpdates();
		map.from(this.properties::getClientId).to(builder::clientId);
		map.from(this.properties::isAllowInsecureHttp).to(builder::allowInsecureHttp);
		map.from(timeouts::getRequest).to(builder::requestTimeout);
		map.from(timeouts::getRpc).to(builder::rpcTimeout);
		map.from(timeouts::getMetadataAck).to(builder::metadataAckTimeout);
		map.from(metadataUpdates::getMaxAttempts).to(builder::metadataUpdateAttempts);
		map.from(metadataUpdates::getMaxBackoff).to(builder::metadataUpdateMaxBackoff);
		map.from(this.properties::getSessionsFile)
			.whenHasText()
			.as(HappyPropertiesMapper::expandHome)
			.as(Path::of)
			.to(builder::sessionsFile);
		return builder;
	}

	private HappyCredentials.Lookup lookup() {
		String homeDir = this.properties.getHomeDir();
		return HappyCredentials.lookup()
			.serverUrl(this.properties.getServerUrl())
			.token(this.properties.getToken())
			.secret(this.properties.getSecret())
			.credentialsPath(this.properties.getCredentialsPath())
			.obtainToken(this.properties.isObtainToken())
			.environment(hasText(homeDir) ? Map.of("HAPPY_HOME_DIR", homeDir) : Map.of());
	}

	/**
	 * Expand a leading {@code ~/} to the user's home directory.
	 */
	private static String expandHome(String path) {
		if (path.equals("~") || path.startsWith("~/")) {
			return System.getProperty("user.home") + path.substring(1);
		}
		return path;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
