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

import java.util.function.Supplier;

import io.github.agentprotocols.commons.ai.ContextFreeToolCallback;
import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.SessionStoreUnavailableException;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import io.github.agentprotocols.hpp.wire.HppJson;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;

/**
 * One agent operation of the HPP HTTP API as a Spring AI tool, authenticated by the
 * {@code sessionId} and {@code token} arguments. A call goes to the
 * {@link HandshakeManager} as the HTTP handler's does: the same checks, hooks, rate limit
 * and live events. The failed-token throttle is the HTTP API's, counted per session (an
 * MCP call carries no client address). The result is the HTTP response body; a refusal is
 * a {@link ToolExecutionException} whose message is {@code {"error": ..., "status": ...}}
 * (with {@code "retryAfter"} seconds when throttled), which Spring AI's MCP server
 * answers as an error result ({@code isError}).
 */
public final class AgentTool extends ContextFreeToolCallback {

	private static final String THROTTLE_KEY = "mcp:";

	private final HandshakeManager manager;

	private final ClientThrottle failedTokens;

	private final Operation operation;

	AgentTool(ToolDefinition definition, HandshakeManager manager, ClientThrottle failedTokens, Operation operation) {
		super(definition);
		this.manager = manager;
		this.failedTokens = failedTokens;
		this.operation = operation;
	}

	@Override
	public String call(String toolInput) {
		ObjectNode arguments = arguments(toolInput);
		String sessionId = text(arguments.remove("sessionId"));
		String token = text(arguments.remove("token"));
		if (sessionId == null || token == null) {
			throw refusal(400, "sessionId and token are required", 0);
		}
		try {
			return HppJson.write(throttled(THROTTLE_KEY + sessionId,
					() -> this.operation.call(this.manager, sessionId, token, arguments))
				.block());
		}
		catch (HandshakeException ex) {
			throw refusal(ex.getStatus(), ex.getMessage(), ex.getRetryAfterSeconds());
		}
		catch (SessionStoreUnavailableException ex) {
			throw refusal(503, "session store unavailable", 0);
		}
	}

	private Mono<ObjectNode> throttled(String client, Supplier<Mono<ObjectNode>> call) {
		return this.failedTokens.retryAfterSeconds(client).flatMap((retryAfter) -> {
			if (retryAfter > 0) {
				return Mono.error(new HandshakeException(429, "rate limit exceeded", retryAfter));
			}
			return call.get()
				.onErrorResume((ex) -> ex instanceof HandshakeException refused && refused.isInvalidToken(),
						(ex) -> this.failedTokens.record(client).onErrorComplete().then(Mono.error(ex)));
		});
	}

	private ObjectNode arguments(String toolInput) {
		if (toolInput.isBlank()) {
			return JsonNodeFactory.instance.objectNode();
		}
		try {
			JsonNode json = HppJson.read(toolInput);
			if (json instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// answered below
		}
		throw refusal(400, "the arguments must be a JSON object", 0);
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString() && !node.stringValue().isEmpty()) ? node.stringValue() : null;
	}

	private ToolExecutionException refusal(int status, String message, long retryAfterSeconds) {
		ObjectNode error = JsonNodeFactory.instance.objectNode().put("error", message).put("status", status);
		if (retryAfterSeconds > 0) {
			error.put("retryAfter", retryAfterSeconds);
		}
		return new ToolExecutionException(getToolDefinition(), new IllegalStateException(HppJson.write(error)));
	}

	/**
	 * What a tool asks the engine, given the arguments other than the credentials.
	 */
	@FunctionalInterface
	interface Operation {

		Mono<ObjectNode> call(HandshakeManager manager, String sessionId, String token, ObjectNode arguments);

	}

}
