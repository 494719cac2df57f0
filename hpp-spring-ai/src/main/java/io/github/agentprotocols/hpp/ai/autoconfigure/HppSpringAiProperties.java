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

package io.github.agentprotocols.hpp.ai.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the HPP agent tools on Spring AI ({@code hpp.mcp.*}).
 */
@ConfigurationProperties("hpp.mcp")
public class HppSpringAiProperties {

	/**
	 * MCP endpoint the handshake prompt names, a path under the prompt's base URL or an
	 * absolute URL; empty names none. Unset: the endpoint of Spring AI's WebFlux MCP
	 * server when it runs over HTTP, else none.
	 */
	private @Nullable String promptEndpoint;

	/**
	 * Return the MCP endpoint the handshake prompt names
	 * ({@code hpp.mcp.prompt-endpoint}).
	 * @return the endpoint, or null when unset
	 */
	public @Nullable String getPromptEndpoint() {
		return this.promptEndpoint;
	}

	/**
	 * Set the MCP endpoint the handshake prompt names ({@code hpp.mcp.prompt-endpoint}).
	 * @param promptEndpoint the value to set
	 */
	public void setPromptEndpoint(@Nullable String promptEndpoint) {
		this.promptEndpoint = promptEndpoint;
	}

}
