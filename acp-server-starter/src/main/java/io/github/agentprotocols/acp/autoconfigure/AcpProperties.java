package io.github.agentprotocols.acp.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the x64acp Assistant Communication Protocol starter, bound
 * under {@code acp}.
 */
@ConfigurationProperties("acp")
public class AcpProperties {

	/**
	 * Whether the x64acp Assistant Communication Protocol starter is active. Set to false
	 * to back the whole starter off.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
