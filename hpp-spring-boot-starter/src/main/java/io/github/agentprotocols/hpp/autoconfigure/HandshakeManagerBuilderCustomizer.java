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

package io.github.agentprotocols.hpp.autoconfigure;

import io.github.agentprotocols.hpp.HandshakeManager;

/**
 * Callback interface that can be implemented by beans wishing to customize the
 * {@link HandshakeManager.Builder} that the auto-configuration prepares, to change some
 * of the engine's options while keeping the rest: the builder carries the settings mapped
 * from the {@code hpp.*} properties, the origin policy, the application's hooks, value
 * validator and prompt builder, the metrics, the observations and the clock when the
 * customizers are called, in their {@link org.springframework.core.annotation.Order
 * order}, just before the manager is built. A {@link HandshakeManager} bean of the
 * application's own replaces the auto-configured one, and no customizer is called.
 */
@FunctionalInterface
public interface HandshakeManagerBuilderCustomizer {

	/**
	 * Customizes the builder of the auto-configured {@link HandshakeManager}.
	 * @param builder the builder to customize
	 */
	void customize(HandshakeManager.Builder builder);

}
