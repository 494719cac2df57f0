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

import java.nio.charset.StandardCharsets;

import io.github.agentprotocols.commons.ai.mcp.ConditionalOnGuardedMcpEndpoint;
import io.github.agentprotocols.commons.ai.mcp.ConditionalOnMcpServer;
import io.github.agentprotocols.commons.ai.mcp.McpEndpointFilter;
import io.github.agentprotocols.commons.ai.mcp.McpOriginFilter;
import io.github.agentprotocols.commons.ai.mcp.McpOriginPolicy;
import io.github.agentprotocols.commons.ai.mcp.McpTokenGuard;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.PromptBuilder;
import io.github.agentprotocols.hpp.ai.mcp.AgentToolCallbackProvider;
import io.github.agentprotocols.hpp.ai.mcp.McpPromptBuilder;
import io.github.agentprotocols.hpp.autoconfigure.HandshakeManagerBuilderCustomizer;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the HPP agent API as Spring AI tools: with the HPP HTTP API
 * running, a {@link AgentToolCallbackProvider} calls the {@link HandshakeManager} for the
 * agent, and Spring AI's MCP server (spring-ai-starter-mcp-server-webflux) serves it on
 * the application's port. The handshake prompt names the MCP endpoint
 * ({@code hpp.ai.mcp-prompt-endpoint}, by default the MCP server's own over HTTP). The
 * endpoint serves browser pages of its own origin or of
 * {@code hpp.ai.mcp-allowed-origins} only: any other {@code Origin} gets 403
 * {@code origin_not_allowed}. Where app-control or Happy guard the endpoint too (an
 * {@link McpEndpointFilter}), their guards check every request's token and origin
 * instead, and HPP serves its tools on an endpoint of its own as well
 * ({@link HppMcpServerAutoConfiguration}), which the prompt names.
 */
@AutoConfiguration(after = HppAutoConfiguration.class,
		afterName = { "io.github.agentprotocols.appcontrol.ai.autoconfigure.AppControlSpringAiAutoConfiguration",
				"io.github.agentprotocols.happy.ai.autoconfigure.HappySpringAiAutoConfiguration" })
@ConditionalOnClass(ToolCallback.class)
@ConditionalOnBean(HandshakeManager.class)
@EnableConfigurationProperties(HppAiProperties.class)
public final class HppSpringAiAutoConfiguration {

	private static final byte[] FOREIGN_ORIGIN = """
			{"error":"origin_not_allowed","message":"the MCP endpoint serves pages of its own origin or of \
			hpp.ai.mcp-allowed-origins only"}""".getBytes(StandardCharsets.UTF_8);

	private static final boolean MCP_SERVER_PRESENT = ClassUtils.isPresent(
			"org.springframework.ai.mcp.server.webflux.autoconfigure.McpServerStreamableHttpWebFluxAutoConfiguration",
			null);

	@Bean
	static HppAiRenamedProperties hppAiRenamedProperties() {
		return new HppAiRenamedProperties();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(name = HppAutoConfiguration.FAILED_TOKEN_THROTTLE)
	AgentToolCallbackProvider hppAgentTools(HandshakeManager manager,
			@Qualifier(HppAutoConfiguration.FAILED_TOKEN_THROTTLE) ClientThrottle failedTokens) {
		return new AgentToolCallbackProvider(manager, failedTokens);
	}

	@Bean
	@ConditionalOnMissingBean(value = McpEndpointFilter.class, name = "hppMcpOriginFilter")
	@ConditionalOnMcpServer
	@ConditionalOnGuardedMcpEndpoint
	@ConditionalOnBooleanProperty(name = "spring.ai.mcp.server.stdio", havingValue = false, matchIfMissing = true)
	McpOriginFilter hppMcpOriginFilter(HppAiProperties properties, Environment environment) {
		return new McpOriginFilter(McpTokenGuard.endpointPaths(environment),
				new McpOriginPolicy("hpp.ai.mcp-allowed-origins", properties.getMcpAllowedOrigins()), FOREIGN_ORIGIN);
	}

	/**
	 * Runs first, so that a customizer of the application that sets a prompt builder of
	 * its own has the last word. Decides when the manager is built, once every bean is
	 * defined: whether HPP serves an MCP endpoint of its own is known then.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	HandshakeManagerBuilderCustomizer hppMcpPromptEndpoint(PromptBuilder promptBuilder, HppAiProperties properties,
			Environment environment, ListableBeanFactory beans) {
		return (builder) -> {
			String endpoint = promptEndpoint(properties, environment,
					beans.containsBean(HppMcpServerAutoConfiguration.SERVER_BEAN));
			if (endpoint != null) {
				builder.promptBuilder(new McpPromptBuilder(promptBuilder, endpoint));
			}
		};
	}

	/**
	 * The endpoint the prompt names: the property when set (empty: none), else HPP's own
	 * endpoint when it serves one, else the endpoint of the WebFlux MCP server when it
	 * serves over HTTP.
	 */
	static @Nullable String promptEndpoint(HppAiProperties properties, Environment environment, boolean ownEndpoint) {
		String endpoint = properties.getMcpPromptEndpoint();
		if (endpoint != null) {
			return endpoint.isBlank() ? null : endpoint;
		}
		if (ownEndpoint) {
			return properties.getMcpEndpoint();
		}
		if (!MCP_SERVER_PRESENT || !environment.getProperty("spring.ai.mcp.server.enabled", Boolean.class, true)
				|| environment.getProperty("spring.ai.mcp.server.stdio", Boolean.class, false)) {
			return null;
		}
		return "SSE".equalsIgnoreCase(environment.getProperty("spring.ai.mcp.server.protocol", "STREAMABLE"))
				? environment.getProperty("spring.ai.mcp.server.sse-endpoint", "/sse")
				: environment.getProperty("spring.ai.mcp.server.streamable-http.mcp-endpoint", "/mcp");
	}

}
