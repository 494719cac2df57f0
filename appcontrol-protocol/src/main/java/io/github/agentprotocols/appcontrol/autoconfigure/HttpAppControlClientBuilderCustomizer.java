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

import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;

/**
 * Callback that customizes the {@link HttpAppControlClient.Builder} the
 * auto-configuration prepares when {@code app-control.remote.url} is an HTTP URL, after
 * the {@code app-control.remote.*} properties and the schema validator are applied and
 * before the client is built. Every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order order}; an {@code AppControlClient}
 * bean of the application's own replaces the auto-configured client and its customizers.
 */
@FunctionalInterface
public interface HttpAppControlClientBuilderCustomizer {

	/**
	 * Customizes the builder of the client of the remote service host.
	 * @param builder the builder
	 */
	void customize(HttpAppControlClient.Builder builder);

}
