package io.github.agentprotocols.samples.happyrunner;

import java.time.Duration;

import io.github.agentprotocols.happy.Agent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The task the runner runs, from {@code happy-runner.*} properties (on the command line:
 * {@code --happy-runner.prompt=...}).
 *
 * @param machineId the machine whose daemon spawns the session
 * @param directory the absolute path on that machine the agent works in
 * @param prompt the prompt
 * @param agent the agent ({@code claude} by default)
 * @param timeout how long the turn may take (600 s by default, as the SDK's
 * {@code run_task})
 */
@ConfigurationProperties("happy-runner")
public record HappyRunnerProperties(@Nullable String machineId, @Nullable String directory, @Nullable String prompt,
		@DefaultValue("claude") Agent agent, @DefaultValue("600s") Duration timeout) {

}
