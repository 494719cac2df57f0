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

package io.github.agentprotocols.happy.ai.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Happy tools' settings.
 */
@ConfigurationProperties("happy.ai")
public class HappyAiProperties {

	/**
	 * The bearer token MCP clients must send ('Authorization: Bearer <token>') to use the
	 * MCP endpoint: at least 16 random characters. Required when Spring AI's MCP server
	 * serves the Happy tools.
	 */
	private @Nullable String mcpToken;

	/**
	 * Origins (scheme://host[:port]) whose browser pages may use the MCP endpoint besides
	 * its own; a request with another Origin header gets 403. Requests without one (MCP
	 * clients that are not browsers) are not checked.
	 */
	private List<String> mcpAllowedOrigins = new ArrayList<>();

	/**
	 * How long the happy_run tool waits for the agent to complete its turn before it
	 * stops the session.
	 */
	private Duration runTimeout = Duration.ofMinutes(10);

	/**
	 * The MCP token.
	 * @return the token, or null if unset
	 */
	public @Nullable String getMcpToken() {
		return this.mcpToken;
	}

	/**
	 * Sets the MCP token.
	 * @param mcpToken the token
	 */
	public void setMcpToken(@Nullable String mcpToken) {
		this.mcpToken = mcpToken;
	}

	/**
	 * The origins the MCP endpoint serves besides its own.
	 * @return the origins
	 */
	public List<String> getMcpAllowedOrigins() {
		return this.mcpAllowedOrigins;
	}

	/**
	 * Sets the origins the MCP endpoint serves besides its own.
	 * @param mcpAllowedOrigins the origins
	 */
	public void setMcpAllowedOrigins(List<String> mcpAllowedOrigins) {
		this.mcpAllowedOrigins = mcpAllowedOrigins;
	}

	/**
	 * The deadline of happy_run's turn.
	 * @return the deadline
	 */
	public Duration getRunTimeout() {
		return this.runTimeout;
	}

	/**
	 * Sets the deadline of happy_run's turn.
	 * @param runTimeout the deadline
	 */
	public void setRunTimeout(Duration runTimeout) {
		this.runTimeout = runTimeout;
	}

}
