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

package io.github.agentprotocols.appcontrol.ai.mcp;

import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ai.CommandTool;
import io.github.agentprotocols.appcontrol.ai.CommandToolCallbackProvider;
import io.github.agentprotocols.commons.ai.mcp.McpSessionGrants;
import io.github.agentprotocols.commons.ai.mcp.McpToolSpecifications;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Gives the MCP tool specifications Spring AI's MCP server makes of the command tools
 * (from their {@link CommandToolCallbackProvider}) a call handler of their own, which
 * Spring AI's conversion cannot: it reads the call's progress token, so the command's
 * events reach the client as progress notifications, and it marks a failed observation as
 * an error result ({@code isError}). The result's text is the observation either way. A
 * session whose token is not the service token is refused the commands. Applies to the
 * synchronous server (Spring AI's default, {@code STREAMABLE} or {@code SSE}); with
 * another, the tools are served as Spring AI converts them.
 */
public final class McpCommandToolSpecifications extends McpToolSpecifications<CommandTool> {

	/**
	 * A post-processor.
	 * @param providers the command tools
	 * @param grants the grants of the MCP endpoint's sessions, if the endpoint is guarded
	 */
	public McpCommandToolSpecifications(ObjectProvider<CommandToolCallbackProvider> providers,
			ObjectProvider<McpSessionGrants> grants) {
		super(McpServiceTokenFilter.MODULE,
				() -> providers.orderedStream()
					.flatMap((provider) -> provider.getTools().stream())
					.collect(Collectors.toMap((tool) -> tool.getToolDefinition().name(), Function.identity())),
				grants);
	}

	@Override
	protected CallToolResult call(CommandTool tool, McpSyncServerExchange exchange, CallToolRequest request) {
		String input = (request.arguments() != null) ? AppControlJson.write(request.arguments()) : "";
		ToolObservation observation = tool.run(input, new McpCommandCaller(exchange, request.progressToken()));
		return result(observation.toJson(), !observation.success());
	}

}
