package io.github.agentprotocols.appcontrol.config;

import io.github.agentprotocols.appcontrol.AppControlException;

/**
 * An app-control configuration value that is missing, mistyped or out of range. The
 * message is the upstream one; {@link #getKey()} names the TOML key (such as
 * {@code computer_use.timeout_ms}) or environment variable at fault.
 */
public class AppControlConfigException extends AppControlException {

	private final String key;

	public AppControlConfigException(String key, String message) {
		super(message);
		this.key = key;
	}

	/**
	 * The TOML key ({@code section.key}) or environment variable at fault.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

}
