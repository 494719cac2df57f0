package io.github.agentprotocols.appcontrol.autoconfigure;

import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;

/**
 * Callback that customizes the {@link HttpAppControlClient.Builder} the
 * auto-configuration prepares when {@code app-control.remote.url} is an HTTP URL, after
 * the {@code app-control.remote.*} properties and the schema validator are applied and
 * before the client is built. Every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order order}; an {@code AppControlClient}
 * bean of the application's own replaces the auto-configured client and its customizers.
 */
@FunctionalInterface
public interface HttpAppControlClientBuilderCustomizer {

	/**
	 * Customizes the builder of the client of the remote service host.
	 * @param builder the builder
	 */
	void customize(HttpAppControlClient.Builder builder);

}
