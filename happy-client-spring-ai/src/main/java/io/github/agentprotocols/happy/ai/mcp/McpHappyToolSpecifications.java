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

package io.github.agentprotocols.happy.ai.mcp;

import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.agentprotocols.commons.ai.mcp.McpSessionGrants;
import io.github.agentprotocols.commons.ai.mcp.McpToolSpecifications;
import io.github.agentprotocols.happy.ai.HappyTool;
import io.github.agentprotocols.happy.ai.HappyToolCallbackProvider;
import io.github.agentprotocols.happy.ai.HappyToolResult;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Gives the MCP tool specifications Spring AI's MCP server makes of the Happy tools (from
 * their {@link HappyToolCallbackProvider}) a call handler of their own, which Spring AI's
 * conversion cannot: it reads the call's progress token, so the session's messages reach
 * the client as progress notifications while {@code happy_run} waits, and it marks a
 * failure as an error result ({@code isError}). The result's text is the tool's answer
 * either way. A session whose token is not the MCP token is refused the tools. Applies to
 * the synchronous server (Spring AI's default); with another, the tools are served as
 * Spring AI converts them.
 */
public final class McpHappyToolSpecifications extends McpToolSpecifications<HappyTool> {

	/**
	 * A post-processor.
	 * @param providers the Happy tools
	 * @param grants the grants of the MCP endpoint's sessions, if the endpoint is guarded
	 */
	public McpHappyToolSpecifications(ObjectProvider<HappyToolCallbackProvider> providers,
			ObjectProvider<McpSessionGrants> grants) {
		super(McpTokenFilter.MODULE,
				() -> providers.orderedStream()
					.flatMap((provider) -> provider.getTools().stream())
					.collect(Collectors.toMap((tool) -> tool.getToolDefinition().name(), Function.identity(),
							(first, second) -> first)),
				grants);
	}

	@Override
	protected CallToolResult call(HappyTool tool, McpSyncServerExchange exchange, CallToolRequest request) {
		String input = (request.arguments() != null) ? HappyJson.write(request.arguments()) : "";
		HappyToolResult result = tool.run(input, new McpTaskProgress(exchange, request.progressToken()));
		return result(result.toJson(), !result.ok());
	}

}
