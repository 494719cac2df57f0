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

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.agentprotocols.happy.ai.HappyTool;
import io.github.agentprotocols.happy.ai.HappyToolCallbackProvider;
import io.github.agentprotocols.happy.ai.HappyToolResult;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives the MCP tool specifications Spring AI's MCP server makes of the Happy tools (from
 * their {@link HappyToolCallbackProvider}) a call handler of their own, which Spring AI's
 * conversion cannot: it reads the call's progress token, so the session's messages reach
 * the client as progress notifications while {@code happy_run} waits, and it marks a
 * failure as an error result ({@code isError}). The result's text is the tool's answer
 * either way. Applies to the synchronous server (Spring AI's default); with another, the
 * tools are served as Spring AI converts them.
 */
public final class McpHappyToolSpecifications implements BeanPostProcessor {

	private final ObjectProvider<HappyToolCallbackProvider> providers;

	/**
	 * A post-processor.
	 * @param providers the Happy tools
	 */
	public McpHappyToolSpecifications(ObjectProvider<HappyToolCallbackProvider> providers) {
		this.providers = providers;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof List<?> list) || list.isEmpty()
				|| !list.stream().allMatch(SyncToolSpecification.class::isInstance)) {
			return bean;
		}
		Map<String, HappyTool> tools = this.providers.orderedStream()
			.flatMap((provider) -> provider.getTools().stream())
			.collect(Collectors.toMap((tool) -> tool.getToolDefinition().name(), Function.identity(),
					(first, second) -> first));
		return list.stream().map(SyncToolSpecification.class::cast).map((specification) -> {
			HappyTool tool = tools.get(specification.tool().name());
			return (tool != null) ? new SyncToolSpecification(specification.tool(), handler(tool)) : specification;
		}).toList();
	}

	private static BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler(HappyTool tool) {
		return (exchange, request) -> {
			String input = (request.arguments() != null) ? HappyJson.write(request.arguments()) : "";
			HappyToolResult result = tool.run(input, new McpTaskProgress(exchange, request.progressToken()));
			return CallToolResult.builder().addTextContent(result.toJson()).isError(!result.ok()).build();
		};
	}

}
