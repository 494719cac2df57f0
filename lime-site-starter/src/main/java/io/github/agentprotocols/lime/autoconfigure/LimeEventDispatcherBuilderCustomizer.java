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
