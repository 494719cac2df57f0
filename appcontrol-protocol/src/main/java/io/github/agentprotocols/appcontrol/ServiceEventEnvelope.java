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
 * One {@link ToolEvent} of a streamed service request. Status is always {@code event} and
 * success always true; readers stop at the first envelope whose status is not
 * {@code event}.
 *
 * @param schema always {@link #SCHEMA}; null is filled in
 * @param requestId the request id
 * @param status always {@code event} (trimmed before it is compared); null is filled in
 * @param success always true
 * @param event the event
 */
public record ServiceEventEnvelope(String schema, String requestId, String status, boolean success,
		ToolEvent event) implements WireObject {

	/** The {@code schema} discriminator of service events. */
	public static final String SCHEMA = "app_control.service.event.v1";

	/** The only valid {@code status}. */
	public static final String EVENT_STATUS = "event";

	/**
	 * Create a new {@code ServiceEventEnvelope}, validating it as the wire schema does.
	 * @param schema always {@link #SCHEMA}; null is filled in
	 * @param requestId the request id
	 * @param status always {@code event} (trimmed before it is compared); null is filled
	 * in
	 * @param success always true
	 * @param event the event
	 */
	public ServiceEventEnvelope {
		schema = Wire.schema(schema, SCHEMA, "service event");
		requestId = Wire.text(requestId, "requestId");
		status = (status != null) ? Wire.text(status, "status") : EVENT_STATUS;
		if (!EVENT_STATUS.equals(status)) {
			throw ProtocolValidationException.model("/status", "service event status must be event");
		}
		if (!success) {
			throw ProtocolValidationException.model("/success", "service events must be successful");
		}
		Wire.required(event, "event", "event is required");
	}

	/**
	 * An envelope for one event.
	 * @param requestId the request id
	 * @param event the event
	 */
	public ServiceEventEnvelope(String requestId, ToolEvent event) {
		this(null, requestId, null, true, event);
	}

	@Override
	public Map<String, Object> toMap() {
		return Wire.emit()
			.put("schema", this.schema)
			.put("requestId", this.requestId)
			.put("status", this.status)
			.put("success", this.success)
			.put("event", this.event)
			.toMap();
	}

	/**
	 * Lenient parse; the nested event is parsed leniently too. As upstream,
	 * {@code status} and {@code success} must be present: only the Java constructor fills
	 * them in.
	 * @param payload the wire object
	 * @return the envelope
	 * @throws ProtocolValidationException if the payload breaks the contract
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ServiceEventEnvelope fromMap(Map<String, ?> payload) {
		Wire.Reader in = Wire.read(payload);
		String status = Wire.required(in.string("status"), "status", "status must be a non-empty string");
		Boolean success = Wire.required(in.bool("success"), "success", "success must be a boolean");
		return new ServiceEventEnvelope(in.string("schema"), in.string("requestId", "request_id"), status, success,
				in.model("event", ToolEvent::fromMap));
	}

	/**
	 * Lenient parse of JSON text.
	 * @param json the JSON text; null is refused as a null map is
	 * @return the envelope
	 */
	public static ServiceEventEnvelope fromJson(@Nullable String json) {
		return fromMap(AppControlJson.readObject(json));
	}

}
