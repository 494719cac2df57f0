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

import io.github.agentprotocols.commons.ai.mcp.ConditionalOnGuardedMcpEndpoint;
import io.github.agentprotocols.commons.ai.mcp.ConditionalOnMcpServer;
import io.github.agentprotocols.commons.ai.mcp.ConditionalOnUnguardedMcpEndpoint;
import io.github.agentprotocols.commons.ai.mcp.McpEndpointConfiguration;
import io.github.agentprotocols.commons.ai.mcp.McpSessionGrants;
import io.github.agentprotocols.commons.ai.mcp.McpTokenGuard;
import io.github.agentprotocols.commons.diagnostics.ProtocolProperty;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.ai.HappyToolCallbackProvider;
import io.github.agentprotocols.happy.ai.mcp.McpHappyToolSpecifications;
import io.github.agentprotocols.happy.ai.mcp.McpTokenFilter;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Happy tools: with an auto-configured (or defined)
 * {@link HappyClient}, a {@link HappyToolCallbackProvider} of {@code happy_start},
 * {@code happy_status}, {@code happy_stop} and {@code happy_run}. With Spring AI's MCP
 * server (spring-ai-starter-mcp-server-webflux), which serves the provider, the tools'
 * MCP handlers send progress and the MCP endpoint requires {@code happy.ai.mcp-token}.
 */
@AutoConfiguration(after = HappyAutoConfiguration.class)
@ConditionalOnClass(ToolCallback.class)
@ConditionalOnBean(HappyClient.class)
@EnableConfigurationProperties(HappyAiProperties.class)
public final class HappySpringAiAutoConfiguration {

	private static final ProtocolProperty MCP_TOKEN = new ProtocolProperty("happy.ai.mcp-token", "HAPPY_AI_MCP_TOKEN",
			"the token MCP clients must send to start sessions on your machines through the Happy tools");

	private static final int MIN_TOKEN_LENGTH = 16;

	@Bean
	@ConditionalOnMissingBean
	HappyToolCallbackProvider happyToolCallbackProvider(HappyClient happy, HappyAiProperties properties) {
		if (properties.getRunTimeout().isNegative() || properties.getRunTimeout().isZero()) {
			throw new HappyAiSetupException(
					"happy.ai.run-timeout is " + properties.getRunTimeout() + ": happy_run would never wait.",
					"Set happy.ai.run-timeout to a positive duration (10m if unset), such as 15m.");
		}
		return HappyToolCallbackProvider.of(happy, properties.getRunTimeout());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMcpServer
	@Import(McpEndpointConfiguration.class)
	static class McpServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		static McpHappyToolSpecifications happyMcpToolSpecifications(
				ObjectProvider<HappyToolCallbackProvider> providers, ObjectProvider<McpSessionGrants> grants) {
			return new McpHappyToolSpecifications(providers, grants);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnGuardedMcpEndpoint
		McpTokenFilter happyMcpTokenFilter(HappyAiProperties properties, Environment environment) {
			String token = MCP_TOKEN.require(MCP_TOKEN.resolved(properties.getMcpToken()));
			if (token.length() < MIN_TOKEN_LENGTH) {
				throw new HappyAiSetupException(
						"happy.ai.mcp-token has " + token.length() + " characters: too short "
								+ "to guard who may start sessions on your machines.",
						"Set happy.ai.mcp-token (HAPPY_AI_MCP_TOKEN) to at least " + MIN_TOKEN_LENGTH
								+ " random characters, such as the output of 'openssl rand -hex 32'.");
			}
			return new McpTokenFilter(McpTokenGuard.endpointPaths(environment), token,
					properties.getMcpAllowedOrigins());
		}

		@Bean
		@ConditionalOnUnguardedMcpEndpoint
		Object happyUnguardedMcpServer() {
			throw new HappyAiSetupException(
					"The Happy tools would be served over MCP without happy.ai.mcp-token: happy-client-spring-ai "
							+ "guards the MCP endpoint of a reactive (WebFlux) application only.",
					"Serve MCP with spring-ai-starter-mcp-server-webflux in a reactive web application, or turn the "
							+ "MCP server off (spring.ai.mcp.server.enabled=false) or to stdio "
							+ "(spring.ai.mcp.server.stdio=true).");
		}

	}

}
