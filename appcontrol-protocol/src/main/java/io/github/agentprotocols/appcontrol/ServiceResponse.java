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
 * A local service's answer to a {@link ServiceRequest}. A {@code complete} response may
 * carry an observation whose own status is a failure: tool failure is not service
 * failure.
 *
 * @param schema always {@link #SCHEMA}; null is filled in
 * @param status the service-level outcome
 * @param success must equal {@code status == complete}
 * @param requestId the request id, or null
 * @param observation the observation payload, kept as a raw JSON object, or null
 * @param error the service error; required when {@code status == failed}
 */
public record ServiceResponse(String schema, ServiceResponseStatus status, boolean success, @Nullable String requestId,
		@Nullable Map<String, Object> observation, @Nullable ToolError error) implements WireObject {

	/** The {@code schema} discriminator of service responses. */
	public static final String SCHEMA = "app_control.service.response.v1";

	/**
	 * Create a new {@code ServiceResponse}, validating it as the wire schema does.
	 * @param schema always {@link #SCHEMA}; null is filled in
	 * @param status the service-level outcome
	 * @param success must equal {@code status == complete}
	 * @param requestId the request id, or null
	 * @param observation the observation payload, kept as a raw JSON object, or null
	 * @param error the service error; required when {@code status == failed}
	 */
	public ServiceResponse {
		schema = Wire.schema(schema, SCHEMA, "service response");
		Wire.required(status, "status", "status must be a service response status");
		requestId = Wire.optionalText(requestId, "requestId");
		observation = (observation != null) ? ImmutableJson.object(observation, "/observation") : null;
		if (success != (status == ServiceResponseStatus.COMPLETE)) {
			throw ProtocolValidationException.model("/success", "success must match status == complete");
		}
		if (status == ServiceResponseStatus.FAILED) {
			Wire.required(error, "error", "failed service responses require error");
		}
	}

	/**
	 * A completed request carrying an observation.
	 * @param observation the observation, stored as its wire object
	 * @param requestId the request id, or null
	 * @return the response
	 */
	public static ServiceResponse complete(@Nullable ToolObservation observation, @Nullable String requestId) {
		return new ServiceResponse(null, ServiceResponseStatus.COMPLETE, true, requestId,
				(observation != null) ? observation.toMap() : null, null);
	}

	/**
	 * An unknown request id.
	 * @param requestId the request id, or null
	 * @param error details of the miss, or null
	 * @return the response
	 */
	public static ServiceResponse notFound(@Nullable String requestId, @Nullable ToolError error) {
		return new ServiceResponse(null, ServiceResponseStatus.NOT_FOUND, false, requestId, null, error);
	}

	/**
	 * An unknown request id, without details.
	 * @param requestId the request id, or null
	 * @return the response
	 */
	public static ServiceResponse notFound(@Nullable String requestId) {
		return notFound(requestId, null);
	}

	/**
	 * A request the service could not handle.
	 * @param error the error
	 * @param requestId the request id, or null
	 * @return the response
	 */
	public static ServiceResponse failed(ToolError error, @Nullable String requestId) {
		return new ServiceResponse(null, ServiceResponseStatus.FAILED, false, requestId, null, error);
	}

	/**
	 * The observation parsed leniently into its model, or null when there is none.
	 * @return the observation
	 * @throws ProtocolValidationException if the observation breaks the contract
	 */
	public @Nullable ToolObservation observationModel() {
		return (this.observation != null) ? Wire.nested("/observation", () -> ToolObservation.fromMap(this.observation))
				: null;
	}

	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("schema", this.schema)
			.put("status", this.status)
			.put("success", this.success)
			.put("requestId", this.requestId)
			.put("observation", this.observation)
			.put("error", this.error)
			.toMap();
	}

	/**
	 * Lenient parse; the observation is kept as a raw JSON object.
	 * @param payload the wire object
	 * @return the response
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ServiceResponse fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		Object observation = in.raw("observation", null);
		return new ServiceResponse(in.string("schema"),
				Wire.required(in.enumeration("status", null, ServiceResponseStatus::fromWire), "status",
						"status must be a service response status"),
				Wire.required(in.bool("success"), "success", "success must be a boolean"),
				in.string("requestId", "request_id"),
				(observation != null) ? ImmutableJson.object(observation, "/observation") : null,
				in.model("error", ToolError::fromMap));
	}

	/**
	 * Lenient parse of JSON text.
	 * @param json the JSON text; null is refused as a null map is
	 * @return the response
	 */
	public static ServiceResponse fromJson(@Nullable String json) {
		return fromMap(AppControlJson.readObject(json));
	}

}
