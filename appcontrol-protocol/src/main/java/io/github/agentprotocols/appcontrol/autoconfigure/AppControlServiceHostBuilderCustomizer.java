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

package io.github.agentprotocols.appcontrol.autoconfigure;

import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;

/**
 * Callback that customizes the {@link AppControlServiceHost.Builder} the
 * auto-configuration prepares, after {@code app-control.service.*}, the metrics, the
 * observation registry and the conventions are applied and before the host is built.
 * Every bean of this type is applied, in {@link org.springframework.core.annotation.Order
 * order}; a host bean of the application's own replaces the auto-configured one and its
 * customizers.
 */
@FunctionalInterface
public interface AppControlServiceHostBuilderCustomizer {

	/**
	 * Customizes the builder of the local service host.
	 * @param builder the builder
	 */
	void customize(AppControlServiceHost.Builder builder);

}
