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
import java.util.Map;
import java.util.function.Supplier;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives the MCP tool specifications Spring AI's MCP server makes of a module's tools a
 * call handler of their own, which Spring AI's conversion cannot: it reaches the call's
 * request (its progress token) and says whether the result is an error ({@code isError}).
 * Applies to the synchronous server (Spring AI's default, {@code STREAMABLE} or
 * {@code SSE}); with another, the tools are served as Spring AI converts them.
 * <p>
 * Behind an {@link McpEndpointFilter}, a call from an MCP session whose token does not
 * grant the module's tools ({@link McpSessionGrants}) is refused with an error result
 * saying so. Every session is still listed every tool: Spring AI's MCP server answers
 * {@code tools/list} from one list for all sessions, with no hook that sees the session,
 * whereas the call handler is the module's own and sees the call's session.
 *
 * @param <T> the module's tool type
 */
public abstract class McpToolSpecifications<T> implements BeanPostProcessor {

	private final String module;

	private final Supplier<Map<String, T>> tools;

	private final ObjectProvider<McpSessionGrants> grants;

	/**
	 * A post-processor.
	 * @param module the module, as its {@link McpTokenGuard} names it
	 * @param tools the module's tools, each by its name, asked for when Spring AI's MCP
	 * server has made its tool specifications
	 * @param grants the grants of the MCP endpoint's sessions, if the endpoint is guarded
	 */
	protected McpToolSpecifications(String module, Supplier<Map<String, T>> tools,
			ObjectProvider<McpSessionGrants> grants) {
		this.module = module;
		this.tools = tools;
		this.grants = grants;
	}

	@Override
	public final Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof List<?> list) || list.isEmpty()
				|| !list.stream().allMatch(SyncToolSpecification.class::isInstance)) {
			return bean;
		}
		Map<String, T> tools = this.tools.get();
		return list.stream().map(SyncToolSpecification.class::cast).map((specification) -> {
			T tool = tools.get(specification.tool().name());
			return (tool != null)
					? new SyncToolSpecification(specification.tool(),
							(exchange, request) -> permits(exchange) ? call(tool, exchange, request) : refusal())
					: specification;
		}).toList();
	}

	private boolean permits(McpSyncServerExchange exchange) {
		McpSessionGrants grants = this.grants.getIfAvailable();
		return grants == null || grants.permits(exchange.sessionId(), this.module);
	}

	private CallToolResult refusal() {
		return result("{\"error\":\"not_authorized\",\"message\":\"not authorized: the token of this MCP session "
				+ "does not grant the " + this.module + " tools\"}", true);
	}

	/**
	 * Calls a tool.
	 * @param tool the tool
	 * @param exchange the call's exchange with the client
	 * @param request the call
	 * @return the result
	 */
	protected abstract CallToolResult call(T tool, McpSyncServerExchange exchange, CallToolRequest request);

	/**
	 * A result of one text.
	 * @param text the text
	 * @param error whether the call failed
	 * @return the result
	 */
	protected static CallToolResult result(String text, boolean error) {
		return CallToolResult.builder().addTextContent(text).isError(error).build();
	}

}
