package io.github.agentprotocols.appcontrol.autoconfigure;

import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;

/**
 * Callback that customizes the {@link AppControlServiceHost.Builder} the
 * auto-configuration prepares, after {@code app-control.service.*}, the metrics, the
 * observation registry and the conventions are applied and before the host is built.
 * Every bean of this type is applied, in {@link org.springframework.core.annotation.Order
 * order}; a host bean of the application's own replaces the auto-configured one and its
 * customizers.
 */
@FunctionalInterface
public interface AppControlServiceHostBuilderCustomizer {

	/**
	 * Customizes the builder of the local service host.
	 * @param builder the builder
	 */
	void customize(AppControlServiceHost.Builder builder);

}
