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
 * A structured failure: a machine code, a human message and recovery facts. It has no
 * {@code schema} key on the wire.
 *
 * @param failureKind free-form machine code, such as {@code not_ready}
 * @param message human-readable message
 * @param retryable whether retrying may succeed; always emitted
 * @param recoveryHint what the user can do, or null
 * @param phase the phase that failed, such as {@code policy}, or null
 * @param operation the operation that failed, or null
 * @param evidence supporting facts, emitted when non-empty
 */
public record ToolError(String failureKind, String message, boolean retryable, @Nullable String recoveryHint,
		@Nullable String phase, @Nullable String operation, Map<String, Object> evidence) implements WireObject {

	/**
	 * Create a new {@code ToolError}, validating it as the wire schema does.
	 * @param failureKind free-form machine code, such as {@code not_ready}
	 * @param message human-readable message
	 * @param retryable whether retrying may succeed; always emitted
	 * @param recoveryHint what the user can do, or null
	 * @param phase the phase that failed, such as {@code policy}, or null
	 * @param operation the operation that failed, or null
	 * @param evidence supporting facts, emitted when non-empty
	 */
	public ToolError {
		failureKind = Wire.text(failureKind, "failureKind");
		message = Wire.text(message, "message");
		recoveryHint = Wire.optionalText(recoveryHint, "recoveryHint");
		phase = Wire.optionalText(phase, "phase");
		operation = Wire.optionalText(operation, "operation");
		evidence = Wire.object(evidence, "evidence");
	}

	/**
	 * A non-retryable error with only a kind and a message.
	 * @param failureKind the machine code
	 * @param message the message
	 */
	public ToolError(String failureKind, String message) {
		this(failureKind, message, false, null, null, null, null);
	}

	/**
	 * An error with only a kind, a message and whether it is retryable.
	 * @param failureKind the machine code
	 * @param message the message
	 * @param retryable whether retrying may succeed
	 */
	public ToolError(String failureKind, String message, boolean retryable) {
		this(failureKind, message, retryable, null, null, null, null);
	}

	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("failureKind", this.failureKind)
			.put("message", this.message)
			.put("retryable", this.retryable)
			.put("recoveryHint", this.recoveryHint)
			.put("phase", this.phase)
			.put("operation", this.operation)
			.putIfNotEmpty("evidence", this.evidence)
			.toMap();
	}

	/**
	 * Lenient parse: accepts snake_case aliases and drops unknown keys.
	 * @param payload the wire object
	 * @return the error
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ToolError fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		Boolean retryable = in.bool("retryable");
		return new ToolError(in.string("failureKind", "failure_kind"), in.string("message"),
				retryable != null && retryable, in.string("recoveryHint", "recovery_hint"), in.string("phase"),
				in.string("operation"), in.object("evidence"));
	}

	/**
	 * Lenient parse of JSON text.
	 * @param json the JSON text; null is refused as a null map is
	 * @return the error
	 */
	public static ToolError fromJson(@Nullable String json) {
		return fromMap(AppControlJson.readObject(json));
	}

}
