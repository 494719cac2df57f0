package io.github.agentprotocols.happy.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.happy.HappyCredentials;
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
	 * @return the reason, or {@code null} when they give some (perhaps only half)
	 */
	public @Nullable String absentReason() {
		if (hasText(this.properties.getToken()) || hasText(this.properties.getSecret())
				|| hasText(this.properties.getCredentialsPath())) {
			return null;
		}
		Path home = homeDir();
		if (Files.isRegularFile(home.resolve("agent.key")) || Files.isRegularFile(home.resolve("access.key"))) {
			return null;
		}
		return "No Happy credentials: set happy.token and happy.secret (HAPPY_TOKEN, HAPPY_SECRET), "
				+ "happy.credentials-path, or place agent.key or access.key in " + home;
	}

	/**
	 * The credentials.
	 * @return the credentials
	 * @throws MissingProtocolPropertyException when only half are configured
	 */
	HappyCredentials credentials() {
		String serverUrl = this.properties.getServerUrl();
		String token = this.properties.getToken();
		String secret = this.properties.getSecret();
		if (hasText(token) || hasText(secret)) {
			if (!hasText(secret)) {
				throw new MissingProtocolPropertyException("happy.secret", "HAPPY_SECRET",
						"decrypting Happy sessions; happy.token is set");
			}
			if (!hasText(token)) {
				if (this.properties.isObtainToken()) {
					return HappyCredentials.of(serverUrl, null, secret.trim());
				}
				throw new MissingProtocolPropertyException("happy.token", "HAPPY_TOKEN",
						"authenticating at the Happy server; happy.secret is set "
								+ "(or set happy.obtain-token=true to obtain one with a master secret)");
			}
			return HappyCredentials.of(serverUrl, token.trim(), secret.trim());
		}
		String path = this.properties.getCredentialsPath();
		if (hasText(path)) {
			return HappyCredentials.fromKeyFile(serverUrl, Path.of(expandHome(path.trim())));
		}
		return HappyCredentials.fromDefaultKeyFile(serverUrl, homeDir());
	}

	private Path homeDir() {
		String homeDir = this.properties.getHomeDir();
		return hasText(homeDir) ? Path.of(expandHome(homeDir.trim()))
				: Path.of(System.getProperty("user.home"), ".happy");
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
