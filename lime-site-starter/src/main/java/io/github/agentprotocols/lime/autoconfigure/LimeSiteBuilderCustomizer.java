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

import io.github.agentprotocols.lime.site.LimeSite;

/**
 * Callback interface that can be implemented by beans wishing to customize the
 * {@link LimeSite.Builder} of the auto-configured {@link LimeSite}: every bean of it is
 * applied, in {@link org.springframework.core.annotation.Order @Order}, after the
 * {@code lime.site.*} properties, the web client, the passport verifier, the pending
 * requests store and the observation registry are set, and before the site is built.
 * Defining a {@link LimeSite} bean of your own replaces the auto-configured one, and no
 * customizer is applied.
 */
@FunctionalInterface
public interface LimeSiteBuilderCustomizer {

	/**
	 * Customize the builder of the site.
	 * @param builder the builder, already configured by the auto-configuration
	 */
	void customize(LimeSite.Builder builder);

}
