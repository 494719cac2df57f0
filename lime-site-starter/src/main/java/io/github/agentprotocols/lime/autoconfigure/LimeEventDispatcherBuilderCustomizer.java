package io.github.agentprotocols.lime.autoconfigure;

import io.github.agentprotocols.lime.sse.LimeEventDispatcher;

/**
 * Callback interface that can be implemented by beans wishing to customize the
 * {@link LimeEventDispatcher.Builder} of the auto-configured {@link LimeEventDispatcher},
 * such as to listen to its connection state: every bean of it is applied, in
 * {@link org.springframework.core.annotation.Order @Order}, after the
 * {@code lime.site.sse.*} properties, the login handlers, the broadcast, the stores, the
 * metrics and the observation registry are set, and before the dispatcher is built.
 * Defining a {@link LimeEventDispatcher} bean of your own replaces the auto-configured
 * one, and no customizer is applied.
 */
@FunctionalInterface
public interface LimeEventDispatcherBuilderCustomizer {

	/**
	 * Customize the builder of the event dispatcher.
	 * @param builder the builder, already configured by the auto-configuration
	 */
	void customize(LimeEventDispatcher.Builder builder);

}
