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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the HPP agent tools on Spring AI and the MCP endpoint that serves them
 * ({@code hpp.ai.*}).
 */
@ConfigurationProperties("hpp.ai")
public class HppAiProperties {

	/**
	 * Origins (scheme://host[:port]) whose browser pages may use the MCP endpoint besides
	 * its own; a request with another Origin header gets 403. Requests without one (MCP
	 * clients that are not browsers) are not checked.
	 */
	private List<String> mcpAllowedOrigins = new ArrayList<>();

	/**
	 * MCP endpoint the handshake prompt names, a path under the prompt's base URL or an
	 * absolute URL; empty names none. Unset: HPP's own endpoint where it serves one
	 * (hpp.ai.mcp-endpoint), else the endpoint of Spring AI's WebFlux MCP server when it
	 * runs over HTTP, else none.
	 */
	private @Nullable String mcpPromptEndpoint;

	/**
	 * Path of HPP's own MCP endpoint, which serves the agent tools alone where
	 * app-control's or Happy's tools guard the shared MCP endpoint with their bearer
	 * tokens; the handshake prompt then names it.
	 */
	private String mcpEndpoint = "/hpp/mcp";

	/**
	 * The origins the MCP endpoint serves besides its own
	 * ({@code hpp.ai.mcp-allowed-origins}).
	 * @return the origins
	 */
	public List<String> getMcpAllowedOrigins() {
		return this.mcpAllowedOrigins;
	}

	/**
	 * Sets the origins the MCP endpoint serves besides its own
	 * ({@code hpp.ai.mcp-allowed-origins}).
	 * @param mcpAllowedOrigins the origins
	 */
	public void setMcpAllowedOrigins(List<String> mcpAllowedOrigins) {
		this.mcpAllowedOrigins = mcpAllowedOrigins;
	}

	/**
	 * The MCP endpoint the handshake prompt names ({@code hpp.ai.mcp-prompt-endpoint}).
	 * @return the endpoint, or null when unset
	 */
	public @Nullable String getMcpPromptEndpoint() {
		return this.mcpPromptEndpoint;
	}

	/**
	 * Sets the MCP endpoint the handshake prompt names
	 * ({@code hpp.ai.mcp-prompt-endpoint}).
	 * @param mcpPromptEndpoint the endpoint
	 */
	public void setMcpPromptEndpoint(@Nullable String mcpPromptEndpoint) {
		this.mcpPromptEndpoint = mcpPromptEndpoint;
	}

	/**
	 * The path of HPP's own MCP endpoint ({@code hpp.ai.mcp-endpoint}).
	 * @return the path
	 */
	public String getMcpEndpoint() {
		return this.mcpEndpoint;
	}

	/**
	 * Sets the path of HPP's own MCP endpoint ({@code hpp.ai.mcp-endpoint}).
	 * @param mcpEndpoint the path
	 */
	public void setMcpEndpoint(String mcpEndpoint) {
		this.mcpEndpoint = mcpEndpoint;
	}

}
