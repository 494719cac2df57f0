package io.github.agentprotocols.happy.autoconfigure;

import java.util.Map;

import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.happy.HappyAuthenticationException;
import io.github.agentprotocols.happy.HappyCredentials;
import io.github.agentprotocols.happy.HappyException;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link HappyProperties} to {@link HappyCredentials} with the SDK's precedence
 * (spec §1.4): token and secret inline, else the configured key file, else
 * {@code agent.key} or {@code access.key} in the home directory. Says why there are none,
 * and names the missing property when only half are given.
 */
public final class HappyPropertiesCredentials {

	private final HappyProperties properties;

	/**
	 * Create a mapping.
	 * @param properties the properties
	 */
	public HappyPropertiesCredentials(HappyProperties properties) {
		this.properties = properties;
	}

	/**
	 * Why the properties give no credentials at all.
	 * @return the reason, or {@code null} when they give some (perhaps only half, or a
	 * default key file that turns out invalid)
	 */
	public @Nullable String absentReason() {
		if (hasText(this.properties.getToken()) || hasText(this.properties.getSecret())
				|| hasText(this.properties.getCredentialsPath())) {
			return null;
		}
		try {
			if (lookup().find().isPresent()) {
				return null;
			}
		}
		catch (HappyException ex) {
			return null;
		}
		return "No Happy credentials: set happy.token and happy.secret (HAPPY_TOKEN, HAPPY_SECRET), "
				+ "happy.credentials-path, or place agent.key or access.key in " + happyHome();
	}

	/**
	 * The credentials.
	 * @return the credentials
	 * @throws MissingProtocolPropertyException when only half are configured
	 * @throws HappyAuthenticationException when a key file is missing or invalid
	 */
	HappyCredentials credentials() {
		boolean token = hasText(this.properties.getToken());
		boolean secret = hasText(this.properties.getSecret());
		if (token && !secret) {
			throw new MissingProtocolPropertyException("happy.secret", "HAPPY_SECRET",
					"decrypting Happy sessions; happy.token is set");
		}
		if (secret && !token && !this.properties.isObtainToken()) {
			throw new MissingProtocolPropertyException("happy.token", "HAPPY_TOKEN",
					"authenticating at the Happy server; happy.secret is set "
							+ "(or set happy.obtain-token=true to obtain one with a master secret)");
		}
		return lookup().resolve();
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

	private String happyHome() {
		String homeDir = this.properties.getHomeDir();
		return hasText(homeDir) ? homeDir : "~/.happy";
	}

	/**
	 * Expand a leading {@code ~/} to the user's home directory.
	 * @param path the path
	 * @return the expanded path
	 */
	static String expandHome(String path) {
		if (path.equals("~") || path.startsWith("~/")) {
			return System.getProperty("user.home") + path.substring(1);
		}
		return path;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
