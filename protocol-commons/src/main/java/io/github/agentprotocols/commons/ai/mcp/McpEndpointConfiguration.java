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

package io.github.agentprotocols.commons.ai.mcp;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one {@link McpEndpointFilter} over the {@link McpTokenGuard}s of the modules that
 * serve tools on Spring AI's MCP server, imported by each module's configuration. None
 * when the MCP server runs on stdio ({@code spring.ai.mcp.server.stdio}), which serves no
 * endpoint. Several modules on one endpoint need the synchronous server with sessions,
 * the one whose tool calls each module checks: another fails the start naming the
 * property that selects it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnGuardedMcpEndpoint
@ConditionalOnBooleanProperty(name = "spring.ai.mcp.server.stdio", havingValue = false, matchIfMissing = true)
public class McpEndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpSessionGrants mcpSessionGrants() {
		return new McpSessionGrants();
	}

	@Bean
	@ConditionalOnMissingBean
	McpEndpointFilter mcpEndpointFilter(ObjectProvider<McpTokenGuard> guards, McpSessionGrants grants,
			Environment environment) {
		List<McpTokenGuard> modules = guards.orderedStream().toList();
		McpServerKind.requireModuleChecks(modules.stream().map(McpTokenGuard::module).toList(), environment);
		return new McpEndpointFilter(modules, grants);
	}

}
