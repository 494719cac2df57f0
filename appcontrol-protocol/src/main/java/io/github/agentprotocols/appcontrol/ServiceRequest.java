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
 * An envelope sent to a local app-control service: run, submit or stream a command, or
 * poll for a submitted one.
 *
 * @param schema always {@link #SCHEMA}; null is filled in
 * @param action what to do
 * @param requestId the request id; required for {@code poll}
 * @param token the local shared secret, or null
 * @param command the command; required for {@code run}, {@code submit} and {@code stream}
 */
public record ServiceRequest(String schema, ServiceAction action, @Nullable String requestId, @Nullable String token,
		@Nullable ToolCommand command) implements WireObject {

	/** The {@code schema} discriminator of service requests. */
	public static final String SCHEMA = "app_control.service.request.v1";

	/**
	 * Create a new {@code ServiceRequest}, validating it as the wire schema does.
	 * @param schema always {@link #SCHEMA}; null is filled in
	 * @param action what to do
	 * @param requestId the request id; required for {@code poll}
	 * @param token the local shared secret, or null
	 * @param command the command; required for {@code run}, {@code submit} and
	 * {@code stream}
	 */
	public ServiceRequest {
		schema = Wire.schema(schema, SCHEMA, "service request");
		Wire.required(action, "action", "action must be a service action");
		requestId = Wire.optionalText(requestId, "requestId");
		token = Wire.optionalText(token, "token");
		if (action != ServiceAction.POLL) {
			Wire.required(command, "command", action + " service requests require command");
		}
		else {
			Wire.required(requestId, "requestId", "poll service requests require request_id");
		}
	}

	/**
	 * Runs a command and answers with its observation.
	 * @param command the command
	 * @param token the service token, or null
	 * @return the request
	 */
	public static ServiceRequest run(ToolCommand command, @Nullable String token) {
		return new ServiceRequest(null, ServiceAction.RUN, null, token, command);
	}

	/**
	 * Submits a command for later {@link #poll polling}.
	 * @param command the command
	 * @param requestId the request id, or null to let the service choose
	 * @param token the service token, or null
	 * @return the request
	 */
	public static ServiceRequest submit(ToolCommand command, @Nullable String requestId, @Nullable String token) {
		return new ServiceRequest(null, ServiceAction.SUBMIT, requestId, token, command);
	}

	/**
	 * Asks for the result of a submitted command.
	 * @param requestId the request id
	 * @param token the service token, or null
	 * @return the request
	 */
	public static ServiceRequest poll(String requestId, @Nullable String token) {
		return new ServiceRequest(null, ServiceAction.POLL, requestId, token, null);
	}

	/**
	 * Asks for the result of a submitted command, without a token.
	 * @param requestId the request id
	 * @return the request
	 */
	public static ServiceRequest poll(String requestId) {
		return poll(requestId, null);
	}

	/**
	 * Runs a command and streams its events.
	 * @param command the command
	 * @param token the service token, or null
	 * @return the request
	 */
	public static ServiceRequest stream(ToolCommand command, @Nullable String token) {
		return new ServiceRequest(null, ServiceAction.STREAM, null, token, command);
	}

	/**
	 * The same request with another request id.
	 * @param requestId the request id
	 * @return the request
	 */
	public ServiceRequest withRequestId(String requestId) {
		return new ServiceRequest(this.schema, this.action, requestId, this.token, this.command);
	}

	/**
	 * The canonical wire object; the token is included.
	 */
	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("schema", this.schema)
			.put("action", this.action)
			.put("requestId", this.requestId)
			.put("token", this.token)
			.put("command", this.command)
			.toMap();
	}

	/**
	 * Lenient parse; the nested command is parsed leniently too.
	 * @param payload the wire object
	 * @return the request
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ServiceRequest fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		return new ServiceRequest(in.string("schema"),
				Wire.required(in.enumeration("action", null, ServiceAction::fromWire), "action",
						"action must be a service action"),
				in.string("requestId", "request_id"), in.string("token"), in.model("command", ToolCommand::fromMap));
	}

	/**
	 * Lenient parse of JSON text.
	 * @param json the JSON text; null is refused as a null map is
	 * @return the request
	 */
	public static ServiceRequest fromJson(@Nullable String json) {
		return fromMap(AppControlJson.readObject(json));
	}

	@Override
	public String toString() {
		return "ServiceRequest[action=" + this.action + ", requestId=" + this.requestId + ", token="
				+ ((this.token != null) ? "******" : null) + ", command=" + this.command + "]";
	}

}
