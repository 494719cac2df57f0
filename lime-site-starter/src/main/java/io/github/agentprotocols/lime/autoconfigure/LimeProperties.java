package io.github.agentprotocols.lime.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the LIME agent login starter, bound under {@code lime}.
 */
@ConfigurationProperties("lime")
public class LimeProperties {

	/**
	 * Whether the LIME agent login starter is active. Set to false to back the whole
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
