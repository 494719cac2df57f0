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
 * One command sent to a desktop helper process.
 *
 * @param schema always {@link #SCHEMA}; null is filled in
 * @param token the helper token, or null
 * @param command the command
 * @param metadata metadata, by convention {@code bundleId} and {@code apiVersion};
 * emitted when non-empty
 */
public record HelperRequest(String schema, @Nullable String token, ToolCommand command,
		Map<String, Object> metadata) implements WireObject {

	/** The {@code schema} discriminator of helper requests. */
	public static final String SCHEMA = "app_control.helper.request.v1";

	/** The helper API version conventionally sent as {@code metadata.apiVersion}. */
	public static final String API_VERSION = "app_control.helper.v1";

	/**
	 * Create a new {@code HelperRequest}, validating it as the wire schema does.
	 * @param schema always {@link #SCHEMA}; null is filled in
	 * @param token the helper token, or null
	 * @param command the command
	 * @param metadata metadata, by convention {@code bundleId} and {@code apiVersion};
	 * emitted when non-empty
	 */
	public HelperRequest {
		schema = Wire.schema(schema, SCHEMA, "helper request");
		token = Wire.optionalText(token, "token");
		Wire.required(command, "command", "helper requests require command");
		metadata = Wire.object(metadata, "metadata");
	}

	/**
	 * A helper request.
	 * @param token the helper token, or null
	 * @param command the command
	 * @param metadata metadata, or null
	 */
	public HelperRequest(@Nullable String token, ToolCommand command, @Nullable Map<String, ?> metadata) {
		this(null, token, command, Wire.object(metadata, "metadata"));
	}

	/**
	 * The canonical wire object; the token is included.
	 */
	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("schema", this.schema)
			.put("token", this.token)
			.put("command", this.command)
			.putIfNotEmpty("metadata", this.metadata)
			.toMap();
	}

	/**
	 * Lenient parse; the nested command is parsed leniently too.
	 * @param payload the wire object
	 * @return the request
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static HelperRequest fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		return new HelperRequest(in.string("schema"), in.string("token"), in.model("command", ToolCommand::fromMap),
				in.object("metadata"));
	}

	@Override
	public String toString() {
		return "HelperRequest[token=" + ((this.token != null) ? "******" : null) + ", command=" + this.command
				+ ", metadata=" + this.metadata + "]";
	}

}
