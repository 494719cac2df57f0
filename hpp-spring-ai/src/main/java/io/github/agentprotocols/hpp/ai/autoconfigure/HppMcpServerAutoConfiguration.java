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
import java.util.Set;

import io.github.agentprotocols.commons.ai.mcp.ConditionalOnGuardedMcpEndpoint;
import io.github.agentprotocols.commons.ai.mcp.ConditionalOnMcpServer;
import io.github.agentprotocols.commons.ai.mcp.McpOriginFilter;
import io.github.agentprotocols.commons.ai.mcp.McpOriginPolicy;
import io.github.agentprotocols.commons.ai.mcp.McpTokenGuard;
import io.github.agentprotocols.hpp.ai.mcp.AgentToolCallbackProvider;
import io.github.agentprotocols.hpp.ai.mcp.HppMcpServer;
import io.modelcontextprotocol.json.McpJsonDefaults;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;

/**
 * Auto-configuration of HPP's own MCP endpoint ({@code hpp.ai.mcp-endpoint}, by default
 * {@code /hpp/mcp}), where app-control's or Happy's tools guard the shared endpoint of
 * Spring AI's MCP server with their bearer tokens ({@link McpTokenGuard}): an agent that
 * holds only a pasted handshake prompt would get 401 there, so the prompt names this
 * endpoint instead, which serves the HPP agent tools alone and asks for no bearer token.
 * Browser pages of another origin than its own or {@code hpp.ai.mcp-allowed-origins} get
 * 403 {@code origin_not_allowed}.
 */
@AutoConfiguration(after = HppSpringAiAutoConfiguration.class,
		afterName = { "io.github.agentprotocols.appcontrol.ai.autoconfigure.AppControlSpringAiAutoConfiguration",
				"io.github.agentprotocols.happy.ai.autoconfigure.HappySpringAiAutoConfiguration" })
@ConditionalOnClass(
		name = "org.springframework.ai.mcp.server.webflux.transport.WebFluxStreamableServerTransportProvider")
@ConditionalOnMcpServer
@ConditionalOnGuardedMcpEndpoint
@ConditionalOnBooleanProperty(name = "spring.ai.mcp.server.stdio", havingValue = false, matchIfMissing = true)
@ConditionalOnBean({ McpTokenGuard.class, AgentToolCallbackProvider.class })
public final class HppMcpServerAutoConfiguration {

	/** The name of the server's bean. */
	public static final String SERVER_BEAN = "hppMcpServer";

	private static final byte[] FOREIGN_ORIGIN = """
			{"error":"origin_not_allowed","message":"the HPP MCP endpoint serves pages of its own origin or of \
			hpp.ai.mcp-allowed-origins only"}""".getBytes(StandardCharsets.UTF_8);

	@Bean(SERVER_BEAN)
	@ConditionalOnMissingBean
	HppMcpServer hppMcpServer(AgentToolCallbackProvider tools, HppAiProperties properties, Environment environment) {
		String endpoint = properties.getMcpEndpoint();
		if (!endpoint.startsWith("/") || McpTokenGuard.endpointPaths(environment).contains(endpoint)) {
			throw new InvalidConfigurationPropertyValueException("hpp.ai.mcp-endpoint", endpoint,
					"HPP's own MCP endpoint must be a path starting with '/', other than the shared MCP endpoint's");
		}
		String version = HppMcpServer.class.getPackage().getImplementationVersion();
		return new HppMcpServer(endpoint, tools, McpJsonDefaults.getMapper(),
				(version != null) ? version : "development");
	}

	@Bean
	@ConditionalOnMissingBean(name = "hppMcpRouterFunction")
	RouterFunction<?> hppMcpRouterFunction(HppMcpServer server) {
		return server.routerFunction();
	}

	@Bean
	@ConditionalOnMissingBean(name = "hppOwnMcpOriginFilter")
	McpOriginFilter hppOwnMcpOriginFilter(HppMcpServer server, HppAiProperties properties) {
		return new McpOriginFilter(Set.of(server.endpoint()),
				new McpOriginPolicy("hpp.ai.mcp-allowed-origins", properties.getMcpAllowedOrigins()), FOREIGN_ORIGIN);
	}

}
