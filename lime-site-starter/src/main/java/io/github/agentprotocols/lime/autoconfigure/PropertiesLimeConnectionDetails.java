package io.github.agentprotocols.lime.autoconfigure;

import java.util.Objects;

import io.github.agentprotocols.lime.connection.LimeConnectionDetails;

/**
 * The {@link LimeConnectionDetails} of {@code lime.site.api-base} and
 * {@code lime.site.token}, used when the application defines none.
 */
final class PropertiesLimeConnectionDetails implements LimeConnectionDetails {

	private final LimeProperties.Site site;

	PropertiesLimeConnectionDetails(LimeProperties properties) {
		this.site = properties.getSite();
	}

	@Override
	public String getApiBase() {
		return this.site.getApiBase();
	}

	@Override
	public String getSiteToken() {
		return Objects.requireNonNullElse(this.site.getToken(), "");
	}

}
