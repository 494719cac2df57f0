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

package io.github.agentprotocols.appcontrol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asks a tool to do: one operation of one tool with its input. A command
 * states what to run, not whether it is allowed; authorization belongs to the caller.
 *
 * @param schema always {@link #SCHEMA}; null is filled in
 * @param commandId caller-generated id, non-empty
 * @param tool the tool, such as {@code macos.computer_use}
 * @param operation the operation, such as {@code open_app}
 * @param input operation input, always emitted (empty by default)
 * @param timeoutMs deadline in milliseconds, at least 1 (any {@code long}), or null
 * @param idempotencyKey caller's idempotency key, or null
 * @param metadata caller metadata, emitted when non-empty
 */
public record ToolCommand(String schema, String commandId, String tool, String operation, Map<String, Object> input,
		@Nullable Long timeoutMs, @Nullable String idempotencyKey, Map<String, Object> metadata) implements WireObject {

	/** The {@code schema} discriminator of commands. */
	public static final String SCHEMA = "app_control.command.v1";

	/**
	 * Create a new {@code ToolCommand}, validating it as the wire schema does.
	 * @param schema always {@link #SCHEMA}; null is filled in
	 * @param commandId caller-generated id, non-empty
	 * @param tool the tool, such as {@code macos.computer_use}
	 * @param operation the operation, such as {@code open_app}
	 * @param input operation input, always emitted (empty by default)
	 * @param timeoutMs deadline in milliseconds, at least 1 (any {@code long}), or null
	 * @param idempotencyKey caller's idempotency key, or null
	 * @param metadata caller metadata, emitted when non-empty
	 */
	public ToolCommand {
		schema = Wire.schema(schema, SCHEMA, "command");
		commandId = Wire.text(commandId, "commandId");
		tool = Wire.text(tool, "tool");
		operation = Wire.text(operation, "operation");
		input = Wire.object(input, "input");
		if (timeoutMs != null && timeoutMs < 1) {
			throw ProtocolValidationException.model("/timeoutMs", "timeoutMs must be positive");
		}
		idempotencyKey = Wire.optionalText(idempotencyKey, "idempotencyKey");
		metadata = Wire.object(metadata, "metadata");
	}

	/**
	 * A command with input, timeout, idempotency key and metadata.
	 * @param commandId the command id
	 * @param tool the tool
	 * @param operation the operation
	 * @param input the input, or null for none
	 * @param timeoutMs the deadline, any integral number ({@code int}, {@code long}), or
	 * null
	 * @param idempotencyKey the idempotency key, or null
	 * @param metadata the metadata, or null for none
	 */
	public ToolCommand(String commandId, String tool, String operation, @Nullable Map<String, ?> input,
			@Nullable Number timeoutMs, @Nullable String idempotencyKey, @Nullable Map<String, ?> metadata) {
		this(null, commandId, tool, operation, Wire.object(input, "input"), Wire.integer(timeoutMs, "timeoutMs"),
				idempotencyKey, Wire.object(metadata, "metadata"));
	}

	/**
	 * A command with input and an optional timeout.
	 * @param commandId the command id
	 * @param tool the tool
	 * @param operation the operation
	 * @param input the input, or null for none
	 * @param timeoutMs the deadline, any integral number ({@code int}, {@code long}), or
	 * null
	 */
	public ToolCommand(String commandId, String tool, String operation, @Nullable Map<String, ?> input,
			@Nullable Number timeoutMs) {
		this(commandId, tool, operation, input, timeoutMs, null, null);
	}

	/**
	 * A command without input.
	 * @param commandId the command id
	 * @param tool the tool
	 * @param operation the operation
	 */
	public ToolCommand(String commandId, String tool, String operation) {
		this(commandId, tool, operation, null, null, null, null);
	}

	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("schema", this.schema)
			.put("commandId", this.commandId)
			.put("tool", this.tool)
			.put("operation", this.operation)
			.put("input", this.input)
			.put("timeoutMs", this.timeoutMs)
			.put("idempotencyKey", this.idempotencyKey)
			.putIfNotEmpty("metadata", this.metadata)
			.toMap();
	}

	/**
	 * Lenient parse: accepts snake_case aliases (camelCase wins), fills a missing
	 * {@code schema} and {@code input} and drops unknown keys; an explicit null
	 * {@code input} is refused, as the schema and upstream refuse it.
	 * @param payload the wire object
	 * @return the command
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ToolCommand fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		return new ToolCommand(in.string("schema"), in.string("commandId", "command_id"), in.string("tool"),
				in.string("operation"), in.requiredObject("input"), in.integer("timeoutMs", "timeout_ms"),
				in.string("idempotencyKey", "idempotency_key"), in.object("metadata"));
	}

	/**
	 * Lenient parse of JSON text.
	 * @param json the JSON text; null is refused as a null map is
	 * @return the command
	 */
	public static ToolCommand fromJson(@Nullable String json) {
		return fromMap(AppControlJson.readObject(json));
	}

}
