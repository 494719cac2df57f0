package io.github.agentprotocols.hpp.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Handshake Prompt Protocol starter, bound under
 * {@code hpp}.
 */
@ConfigurationProperties("hpp")
public class HppProperties {

	/**
	 * Whether the Handshake Prompt Protocol starter is active. Set to false to back the
	 * whole starter off.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
