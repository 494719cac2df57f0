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
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * The final result of a {@link ToolCommand}. A failed observation may embed a complete
 * {@link ToolError} while keeping top-level failure fields for simpler callers; when an
 * error is embedded, top-level fields left null are filled from it and those given must
 * match it.
 *
 * @param schema always {@link #SCHEMA}; null is filled in
 * @param commandId the command's id
 * @param tool the tool
 * @param operation the operation
 * @param status the outcome
 * @param success must equal {@code status == ok}
 * @param summary one-line human summary
 * @param observation what the tool observed, always emitted
 * @param evidence supporting facts, emitted when non-empty
 * @param timing timing facts such as {@code durationMs}, emitted when non-empty
 * @param failureKind machine failure code, or null
 * @param message failure message, or null
 * @param recoveryHint recovery hint, or null
 * @param retryable whether retrying may succeed, or null
 * @param error the embedded error, or null
 * @param metadata metadata, emitted when non-empty
 */
public record ToolObservation(String schema, String commandId, String tool, String operation, ToolStatus status,
		boolean success, String summary, Map<String, Object> observation, Map<String, Object> evidence,
		Map<String, Object> timing, @Nullable String failureKind, @Nullable String message,
		@Nullable String recoveryHint, @Nullable Boolean retryable, @Nullable ToolError error,
		Map<String, Object> metadata) implements WireObject {

	/** The {@code schema} discriminator of observations. */
	public static final String SCHEMA = "app_control.observation.v1";

	/**
	 * Create a new {@code ToolObservation}, validating it as the wire schema does.
	 * @param schema always {@link #SCHEMA}; null is filled in
	 * @param commandId the command's id
	 * @param tool the tool
	 * @param operation the operation
	 * @param status the outcome
	 * @param success must equal {@code status == ok}
	 * @param summary one-line human summary
	 * @param observation what the tool observed, always emitted
	 * @param evidence supporting facts, emitted when non-empty
	 * @param timing timing facts such as {@code durationMs}, emitted when non-empty
	 * @param failureKind machine failure code, or null
	 * @param message failure message, or null
	 * @param recoveryHint recovery hint, or null
	 * @param retryable whether retrying may succeed, or null
	 * @param error the embedded error, or null
	 * @param metadata metadata, emitted when non-empty
	 */
	public ToolObservation {
		schema = Wire.schema(schema, SCHEMA, "observation");
		commandId = Wire.text(commandId, "commandId");
		tool = Wire.text(tool, "tool");
		operation = Wire.text(operation, "operation");
		Wire.required(status, "status", "status must be a tool status");
		summary = Wire.text(summary, "summary");
		observation = Wire.object(observation, "observation");
		evidence = Wire.object(evidence, "evidence");
		timing = Wire.object(timing, "timing");
		failureKind = Wire.optionalText(failureKind, "failureKind");
		message = Wire.optionalText(message, "message");
		recoveryHint = Wire.optionalText(recoveryHint, "recoveryHint");
		metadata = Wire.object(metadata, "metadata");
		if (success != (status == ToolStatus.OK)) {
			throw ProtocolValidationException.model("/success", "success must match status == ok");
		}
		if (error != null) {
			if (success) {
				throw ProtocolValidationException.model("/error", "successful observations cannot include error");
			}
			failureKind = matching(failureKind, error.failureKind(), "failureKind", "failure_kind");
			message = matching(message, error.message(), "message", "message");
			recoveryHint = matching(recoveryHint, error.recoveryHint(), "recoveryHint", "recovery_hint");
			retryable = matching(retryable, error.retryable(), "retryable", "retryable");
		}
	}

	private static <T> @Nullable T matching(@Nullable T topLevel, @Nullable T nested, String field, String name) {
		if (topLevel == null) {
			return nested;
		}
		if (!topLevel.equals(nested)) {
			throw ProtocolValidationException.model("/" + field, name + " does not match nested error");
		}
		return topLevel;
	}

	/**
	 * A successful observation.
	 * @param commandId the command's id
	 * @param tool the tool
	 * @param operation the operation
	 * @param summary the summary
	 * @param observation what was observed, or null
	 * @param evidence evidence, or null
	 * @param timing timing, or null
	 * @param metadata metadata, or null
	 * @return the observation, with status {@code ok}
	 */
	public static ToolObservation ok(String commandId, String tool, String operation, String summary,
			@Nullable Map<String, ?> observation, @Nullable Map<String, ?> evidence, @Nullable Map<String, ?> timing,
			@Nullable Map<String, ?> metadata) {
		return new ToolObservation(null, commandId, tool, operation, ToolStatus.OK, true, summary,
				Wire.object(observation, "observation"), Wire.object(evidence, "evidence"),
				Wire.object(timing, "timing"), null, null, null, null, null, Wire.object(metadata, "metadata"));
	}

	/**
	 * A successful observation without evidence, timing or metadata.
	 * @param commandId the command's id
	 * @param tool the tool
	 * @param operation the operation
	 * @param summary the summary
	 * @param observation what was observed, or null
	 * @return the observation
	 */
	public static ToolObservation ok(String commandId, String tool, String operation, String summary,
			@Nullable Map<String, ?> observation) {
		return ok(commandId, tool, operation, summary, observation, null, null, null);
	}

	/**
	 * A failed observation embedding {@code error}: the summary defaults to the error's
	 * message, evidence and the top-level failure fields are copied from it.
	 * @param commandId the command's id
	 * @param tool the tool
	 * @param operation the operation
	 * @param status the outcome, anything but {@code ok}
	 * @param error the error
	 * @param summary the summary, or null for the error's message
	 * @param observation what was observed, or null
	 * @param timing timing, or null
	 * @param metadata metadata, or null
	 * @return the observation
	 */
	public static ToolObservation failure(String commandId, String tool, String operation, ToolStatus status,
			ToolError error, @Nullable String summary, @Nullable Map<String, ?> observation,
			@Nullable Map<String, ?> timing, @Nullable Map<String, ?> metadata) {
		if (status == ToolStatus.OK) {
			throw ProtocolValidationException.model("/status", "failure status cannot be ok");
		}
		Objects.requireNonNull(error, "error");
		return new ToolObservation(null, commandId, tool, operation, status, false,
				(summary != null) ? summary : error.message(), Wire.object(observation, "observation"),
				error.evidence(), Wire.object(timing, "timing"), error.failureKind(), error.message(),
				error.recoveryHint(), error.retryable(), error, Wire.object(metadata, "metadata"));
	}

	/**
	 * A failed observation with only the required parts.
	 * @param commandId the command's id
	 * @param tool the tool
	 * @param operation the operation
	 * @param status the outcome, anything but {@code ok}
	 * @param error the error
	 * @return the observation
	 */
	public static ToolObservation failure(String commandId, String tool, String operation, ToolStatus status,
			ToolError error) {
		return failure(commandId, tool, operation, status, error, null, null, null, null);
	}

	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("schema", this.schema)
			.put("commandId", this.commandId)
			.put("tool", this.tool)
			.put("operation", this.operation)
			.put("status", this.status)
			.put("success", this.success)
			.put("summary", this.summary)
			.put("observation", this.observation)
			.putIfNotEmpty("evidence", this.evidence)
			.putIfNotEmpty("timing", this.timing)
			.put("failureKind", this.failureKind)
			.put("message", this.message)
			.put("recoveryHint", this.recoveryHint)
			.put("retryable", this.retryable)
			.put("error", this.error)
			.putIfNotEmpty("metadata", this.metadata)
			.toMap();
	}

	/**
	 * Lenient parse: accepts snake_case aliases, fills a missing {@code schema} and
	 * {@code observation}, and drops unknown keys. {@code success} must be a JSON
	 * boolean.
	 * @param payload the wire object
	 * @return the observation
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ToolObservation fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		Boolean success = Wire.required(in.bool("success"), "success", "success must be a boolean");
		return new ToolObservation(in.string("schema"), in.string("commandId", "command_id"), in.string("tool"),
				in.string("operation"),
				Wire.required(in.enumeration("status", null, ToolStatus::fromWire), "status",
						"status must be a tool status"),
				success, in.string("summary"), in.object("observation"), in.object("evidence"), in.object("timing"),
				in.string("failureKind", "failure_kind"), in.string("message"),
				in.string("recoveryHint", "recovery_hint"), in.bool("retryable"), in.model("error", ToolError::fromMap),
				in.object("metadata"));
	}

	/**
	 * Lenient parse of JSON text.
	 * @param json the JSON text; null is refused as a null map is
	 * @return the observation
	 */
	public static ToolObservation fromJson(@Nullable String json) {
		return fromMap(AppControlJson.readObject(json));
	}

}
