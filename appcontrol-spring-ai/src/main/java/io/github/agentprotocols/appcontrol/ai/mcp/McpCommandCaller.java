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

import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ai.CommandCaller;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.mcp.McpToolUtils;

/**
 * An MCP client calling a command tool: asked through MCP elicitation when it declared
 * the capability, and sent each event of the command as a progress notification when its
 * call carried a progress token.
 */
public final class McpCommandCaller implements CommandCaller {

	private static final Map<String, Object> NO_FIELDS = Map.of("type", "object", "properties", Map.of());

	private final McpSyncServerExchange exchange;

	private final @Nullable Object progressToken;

	/**
	 * A caller.
	 * @param exchange the call's exchange
	 * @param progressToken the call's progress token, or null if it has none
	 */
	public McpCommandCaller(McpSyncServerExchange exchange, @Nullable Object progressToken) {
		this.exchange = exchange;
		this.progressToken = progressToken;
	}

	/**
	 * The caller of a call, from its tool context: an MCP client when the context holds a
	 * (stateful) MCP exchange, else {@link CommandCaller#NONE}.
	 * @param context the call's tool context, or null
	 * @return the caller
	 */
	public static CommandCaller of(@Nullable ToolContext context) {
		Object exchange = (context != null) ? context.getContext().get(McpToolUtils.TOOL_CONTEXT_MCP_EXCHANGE_KEY)
				: null;
		return (exchange instanceof McpSyncServerExchange mcp) ? new McpCommandCaller(mcp, null) : CommandCaller.NONE;
	}

	@Override
	public @Nullable Boolean ask(String question) {
		McpSchema.ClientCapabilities capabilities = this.exchange.getClientCapabilities();
		if (capabilities == null || capabilities.elicitation() == null) {
			return null;
		}
		McpSchema.ElicitResult result = this.exchange
			.createElicitation(McpSchema.ElicitRequest.builder().message(question).requestedSchema(NO_FIELDS).build());
		return result.action() == McpSchema.ElicitResult.Action.ACCEPT;
	}

	@Override
	public void progress(ToolEvent event) {
		if (this.progressToken != null) {
			String message = (event.summary() != null) ? event.summary() : event.type().wireValue();
			this.exchange.progressNotification(
					new McpSchema.ProgressNotification(this.progressToken, (double) event.seq(), null, message));
		}
	}

}
