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
