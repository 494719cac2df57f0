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

package io.github.agentprotocols.appcontrol.ai.autoconfigure;

import java.util.function.Function;

import io.github.agentprotocols.appcontrol.ai.CommandApproval;
import io.github.agentprotocols.appcontrol.ai.CommandCaller;
import io.github.agentprotocols.appcontrol.ai.CommandDeclaration;
import io.github.agentprotocols.appcontrol.ai.CommandTool;
import io.github.agentprotocols.appcontrol.ai.CommandToolCallbackProvider;
import io.github.agentprotocols.appcontrol.ai.mcp.McpCommandCaller;
import io.github.agentprotocols.appcontrol.ai.mcp.McpCommandToolSpecifications;
import io.github.agentprotocols.appcontrol.ai.mcp.McpServiceTokenFilter;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlProperties;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.ClientThrottle;
import io.github.agentprotocols.commons.ai.mcp.ConditionalOnGuardedMcpEndpoint;
import io.github.agentprotocols.commons.ai.mcp.ConditionalOnMcpServer;
import io.github.agentprotocols.commons.ai.mcp.ConditionalOnUnguardedMcpEndpoint;
import io.github.agentprotocols.commons.ai.mcp.McpEndpointConfiguration;
import io.github.agentprotocols.commons.ai.mcp.McpSessionGrants;
import io.github.agentprotocols.commons.ai.mcp.McpTokenGuard;
import io.github.agentprotocols.commons.diagnostics.ProtocolProperty;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
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
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the app-control commands as Spring AI tools: with the app-control
 * service host running ({@code app-control.service.enabled=true}), each
 * {@link CommandDeclaration} bean becomes a {@link CommandTool} of a
 * {@link CommandToolCallbackProvider}, run through the host, decided by the application's
 * {@link CommandApproval} (approve all unless defined). With Spring AI's MCP server
 * (spring-ai-starter-mcp-server-webflux), which serves the provider, the tools' MCP
 * handlers send progress and their MCP endpoint requires the service token and serves
 * browser pages of its own origin or of {@code app-control.ai.mcp-allowed-origins} only.
 */
@AutoConfiguration(after = AppControlAutoConfiguration.class)
@ConditionalOnClass(ToolCallback.class)
@ConditionalOnBean(AppControlServiceHost.class)
@EnableConfigurationProperties(AppControlSpringAiProperties.class)
public final class AppControlSpringAiAutoConfiguration {

	private static final ProtocolProperty SERVICE_TOKEN = new ProtocolProperty("app-control.service.token",
			"APP_CONTROL_SERVICE_TOKEN", "the token the command tools run their commands with");

	private static final boolean MCP_PRESENT = ClassUtils.isPresent("org.springframework.ai.mcp.McpToolUtils", null);

	@Bean
	@ConditionalOnMissingBean
	CommandApproval appControlCommandApproval() {
		return CommandApproval.APPROVE_ALL;
	}

	@Bean
	@ConditionalOnMissingBean
	CommandToolCallbackProvider appControlCommandTools(ObjectProvider<CommandDeclaration> declarations,
			AppControlServiceHost host, AppControlProperties properties, CommandApproval approval) {
		String token = SERVICE_TOKEN.require(properties.getService().getToken());
		Function<@Nullable ToolContext, CommandCaller> callers = MCP_PRESENT ? Mcp.callers()
				: (context) -> CommandCaller.NONE;
		return new CommandToolCallbackProvider(declarations.orderedStream()
			.map((declaration) -> new CommandTool(declaration, host, token, approval, callers))
			.toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMcpServer
	@Import(McpEndpointConfiguration.class)
	static class McpServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		static McpCommandToolSpecifications appControlMcpCommandToolSpecifications(
				ObjectProvider<CommandToolCallbackProvider> providers, ObjectProvider<McpSessionGrants> grants) {
			return new McpCommandToolSpecifications(providers, grants);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnGuardedMcpEndpoint
		McpServiceTokenFilter appControlMcpServiceTokenFilter(AppControlProperties properties,
				AppControlSpringAiProperties aiProperties, ObjectProvider<ClientThrottle> failedTokens,
				Environment environment) {
			AppControlProperties.Service service = properties.getService();
			return new McpServiceTokenFilter(McpTokenGuard.endpointPaths(environment),
					SERVICE_TOKEN.require(service.getToken()), service.isAllowRemote(),
					failedTokens.getIfAvailable(() -> new ClientThrottle(ClientThrottle.DEFAULT_LIMIT,
							ClientThrottle.DEFAULT_MAX_CLIENTS, Clock.systemUTC())),
					aiProperties.getMcpAllowedOrigins());
		}

		@Bean
		@ConditionalOnUnguardedMcpEndpoint
		Object appControlUnguardedMcpServer() {
			throw new UnguardedMcpEndpointException();
		}

	}

	/**
	 * Loaded only with Spring AI's MCP support (and so the MCP SDK) on the class path.
	 */
	private static final class Mcp {

		static Function<@Nullable ToolContext, CommandCaller> callers() {
			return McpCommandCaller::of;
		}

	}

}
