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
 * A desktop helper's reply. On success it carries the observation. On failure it carries
 * exactly one of an observation (the helper ran the command and reports a tool failure)
 * or an error (the helper could not run it at all).
 *
 * @param schema always {@link #SCHEMA}; null is filled in
 * @param success whether the command succeeded
 * @param observation the observation payload, or null
 * @param error the helper error, or null
 * @param metadata metadata, emitted when non-empty
 */
public record HelperResponse(String schema, boolean success, @Nullable Map<String, Object> observation,
		@Nullable ToolError error, Map<String, Object> metadata) implements WireObject {

	/** The {@code schema} discriminator of helper responses. */
	public static final String SCHEMA = "app_control.helper.response.v1";

	/**
	 * Create a new {@code HelperResponse}, validating it as the wire schema does.
	 * @param schema always {@link #SCHEMA}; null is filled in
	 * @param success whether the command succeeded
	 * @param observation the observation payload, or null
	 * @param error the helper error, or null
	 * @param metadata metadata, emitted when non-empty
	 */
	public HelperResponse {
		schema = Wire.schema(schema, SCHEMA, "helper response");
		observation = (observation != null) ? ImmutableJson.object(observation, "/observation") : null;
		metadata = Wire.object(metadata, "metadata");
		if (success) {
			Wire.required(observation, "observation", "successful helper responses require observation");
		}
		else if ((observation == null) == (error == null)) {
			throw ProtocolValidationException.model("",
					"failed helper responses require exactly one of observation or error");
		}
	}

	/**
	 * A successful reply.
	 * @param observation the observation
	 * @return the reply
	 */
	public static HelperResponse ok(ToolObservation observation) {
		return new HelperResponse(null, true, observation.toMap(), null, null);
	}

	/**
	 * A reply reporting a tool failure the helper observed.
	 * @param observation the failed observation
	 * @return the reply
	 */
	public static HelperResponse toolFailure(ToolObservation observation) {
		return new HelperResponse(null, false, observation.toMap(), null, null);
	}

	/**
	 * A reply saying the helper could not run the command.
	 * @param error the error
	 * @return the reply
	 */
	public static HelperResponse failed(ToolError error) {
		return new HelperResponse(null, false, null, error, null);
	}

	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("schema", this.schema)
			.put("success", this.success)
			.put("observation", this.observation)
			.put("error", this.error)
			.putIfNotEmpty("metadata", this.metadata)
			.toMap();
	}

	/**
	 * Lenient parse; the observation is kept as a raw JSON object.
	 * @param payload the wire object
	 * @return the reply
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static HelperResponse fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		Object observation = in.raw("observation", null);
		return new HelperResponse(in.string("schema"),
				Wire.required(in.bool("success"), "success", "success must be a boolean"),
				(observation != null) ? ImmutableJson.object(observation, "/observation") : null,
				in.model("error", ToolError::fromMap), in.object("metadata"));
	}

}
