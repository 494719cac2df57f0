package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.happy.ReactiveHappyClient;

/**
 * Customizes the {@link ReactiveHappyClient.Builder} that {@link HappyAutoConfiguration}
 * prepares, to change one option of the auto-configured client without replacing the
 * whole bean. Each bean of this type is applied, in
 * {@link org.springframework.core.Ordered order}, after the {@code happy.*} properties,
 * the {@code WebClient.Builder}, the metrics and the observations have been set on the
 * builder, and before the client is built; the
 * {@link io.github.agentprotocols.happy.HappyClient} wraps the client so built. Not
 * applied when the application defines its own {@link ReactiveHappyClient}.
 */
@FunctionalInterface
public interface ReactiveHappyClientBuilderCustomizer {

	/**
	 * Customizes the builder of the auto-configured client.
	 * @param builder the builder, with the auto-configuration's options set
	 */
	void customize(ReactiveHappyClient.Builder builder);

}
