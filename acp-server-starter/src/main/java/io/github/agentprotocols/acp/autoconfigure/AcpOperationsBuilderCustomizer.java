package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.engine.AcpOperations;

/**
 * Customizes the {@link AcpOperations.Builder} that {@link AcpAutoConfiguration}
 * prepares, to change one option of the auto-configured operations without replacing the
 * whole bean. Each bean of this type is applied, in
 * {@link org.springframework.core.Ordered order}, after the auto-configuration has set
 * the broadcast funnel and the clock on the builder, and before the operations are built.
 * Not applied when the application defines its own {@link AcpOperations}.
 */
@FunctionalInterface
public interface AcpOperationsBuilderCustomizer {

	/**
	 * Customizes the builder of the auto-configured operations.
	 * @param builder the builder, with the auto-configuration's options set
	 */
	void customize(AcpOperations.Builder builder);

}
