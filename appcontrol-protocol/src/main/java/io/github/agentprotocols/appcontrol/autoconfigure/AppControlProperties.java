package io.github.agentprotocols.appcontrol.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the app-control starter, bound under {@code app-control}.
 */
@ConfigurationProperties("app-control")
public class AppControlProperties {

	/**
	 * Whether the app-control starter is active. Set to false to back the whole starter
	 * off.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
