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

package io.github.agentprotocols.happy.ai;

import java.util.Map;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.TaskProgress;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.wire.HappyJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A tool over the Happy client. Whatever happens, a call answers a
 * {@link HappyToolResult}: a Happy failure (unknown machine, session ended, deadline), a
 * wrong argument or any other failure is a result that says so, never an exception.
 */
public abstract class HappyTool implements ToolCallback {

	private static final Logger logger = LoggerFactory.getLogger(HappyTool.class);

	/**
	 * The arguments' schema of a tool that takes a session's id only.
	 */
	static final String SESSION_ONLY = """
			{"type": "object", "properties": {
			  "sessionId": {"type": "string", "description": "the id happy_start answered"}},
			 "required": ["sessionId"]}""";

	private final ToolDefinition definition;

	/**
	 * The client the tool works through.
	 */
	protected final HappyClient happy;

	/**
	 * A tool.
	 * @param name the tool's name
	 * @param description what it does, for the agent
	 * @param inputSchema its arguments' JSON schema
	 * @param happy the client it works through
	 */
	protected HappyTool(String name, String description, String inputSchema, HappyClient happy) {
		this.definition = ToolDefinition.builder().name(name).description(description).inputSchema(inputSchema).build();
		this.happy = happy;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.definition;
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		return run(toolInput, (message) -> {
		}).toJson();
	}

	/**
	 * Runs the tool.
	 * @param toolInput the arguments as a JSON object's text; blank for none
	 * @param progress told of the session's messages as they arrive (by the tools that
	 * wait)
	 * @return the answer
	 */
	public HappyToolResult run(String toolInput, TaskProgress progress) {
		ToolArguments arguments;
		try {
			arguments = new ToolArguments(toolInput.isBlank() ? Map.of() : HappyJson.read(toolInput, Map.class));
		}
		catch (RuntimeException ex) {
			return HappyToolResult.failure("the arguments must be a JSON object: " + ex.getMessage(), Map.of());
		}
		try {
			return run(arguments, progress);
		}
		catch (IllegalArgumentException | HappyException ex) {
			return HappyToolResult.failure(String.valueOf(ex.getMessage()), Map.of());
		}
		catch (RuntimeException ex) {
			logger.warn("The Happy tool {} failed", this.definition.name(), ex);
			return HappyToolResult.failure("the tool failed: " + ex, Map.of());
		}
	}

	/**
	 * Does the tool's work.
	 * @param arguments the call's arguments
	 * @param progress told of the session's messages as they arrive
	 * @return the answer
	 * @throws IllegalArgumentException for a missing or wrong argument
	 * @throws HappyException for a failure the agent is told of
	 */
	protected abstract HappyToolResult run(ToolArguments arguments, TaskProgress progress);

}
