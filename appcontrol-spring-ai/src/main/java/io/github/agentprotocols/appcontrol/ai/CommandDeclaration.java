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

package io.github.agentprotocols.appcontrol.ai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.PythonWhitespace;

/**
 * A command the application offers to agents: one {@code tool} and {@code operation} of
 * its {@code AppControlClient}, what it does, and the JSON Schema of its {@code input}.
 * Each declaration bean becomes one Spring AI tool. Over MCP, Spring AI's MCP server
 * checks a call's arguments against the schema before the command runs; the service host
 * checks the command itself, whoever calls.
 *
 * @param name the tool's name as agents see it: letters, digits, {@code _} and {@code -},
 * at most 64 characters
 * @param tool the command's {@code tool}
 * @param operation the command's {@code operation}
 * @param description what the command does, for the model
 * @param inputSchema the JSON Schema of the command's {@code input}, an object schema
 */
public record CommandDeclaration(String name, String tool, String operation, String description,
		Map<String, Object> inputSchema) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/**
	 * A declaration.
	 * @param name the tool's name
	 * @param tool the command's {@code tool}
	 * @param operation the command's {@code operation}
	 * @param description what the command does
	 * @param inputSchema the JSON Schema of the command's {@code input}
	 * @throws IllegalArgumentException if the name is not a tool name, a field is blank,
	 * or the schema is not an object schema
	 */
	public CommandDeclaration {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("The tool name '" + name
					+ "' must be 1 to 64 letters, digits, '_' or '-' (the names MCP clients accept)");
		}
		requireText(tool, "tool", name);
		requireText(operation, "operation", name);
		requireText(description, "description", name);
		if (!"object".equals(inputSchema.get("type"))) {
			throw new IllegalArgumentException("The input schema of tool '" + name
					+ "' must be an object schema (\"type\": \"object\"): a command's input is an object");
		}
		inputSchema = Collections.unmodifiableMap(new LinkedHashMap<>(inputSchema));
	}

	/**
	 * A declaration named {@code <tool>_<operation>}, each character other than a letter,
	 * a digit, {@code _} or {@code -} written as {@code _}.
	 * @param tool the command's {@code tool}
	 * @param operation the command's {@code operation}
	 * @param description what the command does
	 * @param inputSchema the JSON text of the input's schema
	 * @return the declaration
	 * @throws io.github.agentprotocols.appcontrol.ProtocolValidationException if the
	 * schema is not one JSON object
	 */
	public static CommandDeclaration of(String tool, String operation, String description, String inputSchema) {
		String name = (tool + "_" + operation).replaceAll("[^A-Za-z0-9_-]", "_");
		return new CommandDeclaration(name, tool, operation, description, AppControlJson.readObject(inputSchema));
	}

	/**
	 * The schema as JSON text.
	 * @return the text
	 */
	public String inputSchemaJson() {
		return AppControlJson.write(this.inputSchema);
	}

	private static void requireText(String value, String field, String name) {
		if (PythonWhitespace.strip(value).isEmpty()) {
			throw new IllegalArgumentException("The " + field + " of tool '" + name + "' must not be blank");
		}
	}

}
