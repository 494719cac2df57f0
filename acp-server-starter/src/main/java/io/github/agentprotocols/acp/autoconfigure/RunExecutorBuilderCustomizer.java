package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.run.RunExecutor;

/**
 * Customizes the {@link RunExecutor.Builder} that {@link AcpRunsAutoConfiguration}
 * prepares, to change one option of the auto-configured run executor without replacing
 * the whole bean. Each bean of this type is applied, in
 * {@link org.springframework.core.Ordered order}, after the {@code acp.*} run properties,
 * the broadcast funnel, the analytics sink, the clock and the observations have been set
 * on the builder, and before the executor is built. Not applied when the application
 * defines its own {@link io.github.agentprotocols.acp.AssistantRuns}.
 */
@FunctionalInterface
public interface RunExecutorBuilderCustomizer {

	/**
	 * Customizes the builder of the auto-configured run executor.
	 * @param builder the builder, with the auto-configuration's options set
	 */
	void customize(RunExecutor.Builder builder);

}
