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
