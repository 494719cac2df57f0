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

package io.github.agentprotocols.commons.ai;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A Spring AI tool of a fixed definition that reads nothing of the tool context: a call
 * with a context is answered as one without.
 */
public abstract class ContextFreeToolCallback implements ToolCallback {

	private final ToolDefinition definition;

	/**
	 * A tool.
	 * @param definition its definition
	 */
	protected ContextFreeToolCallback(ToolDefinition definition) {
		this.definition = definition;
	}

	/**
	 * A definition whose input is a JSON object.
	 * @param name the tool's name
	 * @param description what it does, for the model
	 * @param properties the JSON schema of the object's properties, as a JSON object
	 * @param required the properties the object must have
	 * @return the definition
	 */
	public static ToolDefinition objectOf(String name, String description, String properties, String... required) {
		String schema = "{\"type\": \"object\", \"properties\": " + properties
				+ ((required.length > 0) ? ", \"required\": [\"" + String.join("\", \"", required) + "\"]" : "") + "}";
		return ToolDefinition.builder().name(name).description(description).inputSchema(schema).build();
	}

	@Override
	public final ToolDefinition getToolDefinition() {
		return this.definition;
	}

	@Override
	public final String call(String toolInput, @Nullable ToolContext toolContext) {
		return call(toolInput);
	}

}
