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

package io.github.agentprotocols.hpp.ai.mcp;

import java.util.List;

import io.github.agentprotocols.commons.ai.ContextFreeToolCallback;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * The agent operations of the HPP HTTP API as Spring AI tools, one {@link AgentTool}
 * each: {@code hpp_context}, {@code hpp_diff}, {@code hpp_action} and {@code hpp_extend}.
 * Spring AI's MCP server serves them, as it serves every {@code ToolCallbackProvider}
 * bean.
 */
public final class AgentToolCallbackProvider implements ToolCallbackProvider {

	private static final String CREDENTIALS = """
			"sessionId": {"type": "string", "description": "the sessionId line of the handshake prompt"},
			"token": {"type": "string", "description": "the token line of the handshake prompt"}""";

	private final List<AgentTool> tools;

	/**
	 * A provider.
	 * @param manager the engine the tools call
	 * @param failedTokens the throttle of failed token attempts of the HTTP API
	 */
	public AgentToolCallbackProvider(HandshakeManager manager, ClientThrottle failedTokens) {
		this.tools = List.of(
				new AgentTool(definition("hpp_context",
						"Reads the session's form: its fields (schema), current values and the keys still missing.",
						""), manager, failedTokens, (engine, sid, token, arguments) -> engine.context(sid, token)),
				new AgentTool(definition("hpp_diff",
						"Reads the changes to the session's values after a timestamp (the newest 50 without one).",
						", \"since\": {\"type\": \"string\", \"description\": \"a timestamp of an earlier change or read\"}"),
						manager, failedTokens,
						(engine, sid, token, arguments) -> engine.diff(sid, token, text(arguments.get("since")))),
				new AgentTool(definition("hpp_action",
						"Sets field values; fields the user filled in are refused. The user sees each value appear.",
						"""
								, "actions": {"type": "array", "items": {"type": "object", "properties": {
								"type": {"const": "set"}, "key": {"type": "string"}, "value": {}},
								"required": ["type", "key"]}},
								"intervalMs": {"type": "number", "description": "pause between the values shown"}"""),
						manager, failedTokens,
						(engine, sid, token, arguments) -> engine.action(sid, token, Mono.just(arguments),
								HandshakeRequest.none())),
				new AgentTool(
						definition("hpp_extend",
								"Asks for more time on the session, when a long task needs it; the server may refuse.",
								", \"extraSeconds\": {\"type\": \"integer\", \"minimum\": 1}"),
						manager, failedTokens, (engine, sid, token, arguments) -> engine.extend(sid, token,
								Mono.just(arguments), HandshakeRequest.none())));
	}

	@Override
	public ToolCallback[] getToolCallbacks() {
		return this.tools.toArray(ToolCallback[]::new);
	}

	private static ToolDefinition definition(String name, String description, String properties) {
		return ContextFreeToolCallback.objectOf(name, description, "{" + CREDENTIALS + properties + "}", "sessionId",
				"token");
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

}
