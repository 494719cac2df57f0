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
 * One step of a running command, as seen by observers and event streams. The wire key of
 * {@link #type()} is {@code type} (lenient alias {@code event_type}).
 *
 * @param schema always {@link #SCHEMA}; null is filled in
 * @param commandId the command's id
 * @param seq position in the stream, starting at 0 (any non-negative {@code long})
 * @param type the kind of event
 * @param phase the phase, or null
 * @param status a status, or null
 * @param summary a summary, or null
 * @param data event data, emitted when non-empty
 */
public record ToolEvent(String schema, String commandId, long seq, ToolEventType type, @Nullable String phase,
		@Nullable ToolStatus status, @Nullable String summary, Map<String, Object> data) implements WireObject {

	/** The {@code schema} discriminator of events. */
	public static final String SCHEMA = "app_control.event.v1";

	/**
	 * Create a new {@code ToolEvent}, validating it as the wire schema does.
	 * @param schema always {@link #SCHEMA}; null is filled in
	 * @param commandId the command's id
	 * @param seq position in the stream, starting at 0 (any non-negative {@code long})
	 * @param type the kind of event
	 * @param phase the phase, or null
	 * @param status a status, or null
	 * @param summary a summary, or null
	 * @param data event data, emitted when non-empty
	 */
	public ToolEvent {
		schema = Wire.schema(schema, SCHEMA, "event");
		commandId = Wire.text(commandId, "commandId");
		if (seq < 0) {
			throw ProtocolValidationException.model("/seq", "seq must be non-negative");
		}
		Wire.required(type, "type", "type must be an event type");
		phase = Wire.optionalText(phase, "phase");
		summary = Wire.optionalText(summary, "summary");
		data = Wire.object(data, "data");
	}

	/**
	 * An event.
	 * @param commandId the command's id
	 * @param seq position in the stream
	 * @param type the kind of event
	 * @param phase the phase, or null
	 * @param status a status, or null
	 * @param summary a summary, or null
	 * @param data event data, or null
	 */
	public ToolEvent(String commandId, long seq, ToolEventType type, @Nullable String phase,
			@Nullable ToolStatus status, @Nullable String summary, @Nullable Map<String, ?> data) {
		this(null, commandId, seq, type, phase, status, summary, Wire.object(data, "data"));
	}

	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("schema", this.schema)
			.put("commandId", this.commandId)
			.put("seq", this.seq)
			.put("type", this.type)
			.put("phase", this.phase)
			.put("status", this.status)
			.put("summary", this.summary)
			.putIfNotEmpty("data", this.data)
			.toMap();
	}

	/**
	 * Lenient parse: accepts snake_case aliases (including {@code event_type}), fills a
	 * missing {@code schema} and drops unknown keys.
	 * @param payload the wire object
	 * @return the event
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ToolEvent fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		Long seq = Wire.required(in.integer("seq", null), "seq", "seq must be an integer");
		return new ToolEvent(in.string("schema"), in.string("commandId", "command_id"), seq,
				Wire.required(in.enumeration("type", "event_type", ToolEventType::fromWire), "type",
						"type must be an event type"),
				in.string("phase"), in.enumeration("status", null, ToolStatus::fromWire), in.string("summary"),
				in.object("data"));
	}

	/**
	 * Lenient parse of JSON text.
	 * @param json the JSON text; null is refused as a null map is
	 * @return the event
	 */
	public static ToolEvent fromJson(@Nullable String json) {
		return fromMap(AppControlJson.readObject(json));
	}

}
