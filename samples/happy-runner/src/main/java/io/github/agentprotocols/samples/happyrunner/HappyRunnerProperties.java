/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
