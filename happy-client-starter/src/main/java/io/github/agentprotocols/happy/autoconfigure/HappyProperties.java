package io.github.agentprotocols.happy.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Happy agent sessions starter, bound under
 * {@code happy}.
 */
@ConfigurationProperties("happy")
public class HappyProperties {

	/**
	 * Whether the Happy agent sessions starter is active. Set to false to back the whole
	 * starter off.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
