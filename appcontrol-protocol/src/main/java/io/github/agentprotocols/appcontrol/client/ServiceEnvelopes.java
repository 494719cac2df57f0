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

package io.github.agentprotocols.appcontrol.client;

import java.util.Map;
import java.util.function.Supplier;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ServiceEventEnvelope;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.jspecify.annotations.Nullable;

/**
 * The envelope checks a client of a local service host makes, whatever the transport:
 * requests are validated before they are sent, answers parsed and validated strictly,
 * then leniently, and anything that breaks the contract becomes an
 * {@link AppControlTransportException} carrying the reason as its cause.
 */
final class ServiceEnvelopes {

	private final ProtocolSchemas schemas;

	ServiceEnvelopes(ProtocolSchemas schemas) {
		this.schemas = schemas;
	}

	ServiceRequest checked(ServiceRequest request) {
		validated("service_request", request.toMap());
		return request;
	}

	static Map<String, Object> parse(String json) {
		try {
			return AppControlJson.readObject(json);
		}
		catch (ProtocolValidationException ex) {
			throw new AppControlTransportException("app-control service answered with invalid JSON: " + ex.getMessage(),
					ex);
		}
	}

	static boolean isEvent(Map<String, Object> envelope) {
		return ServiceEventEnvelope.EVENT_STATUS.equals(envelope.get("status"));
	}

	ServiceResponse response(Map<String, Object> envelope) {
		Map<String, Object> valid = validated("service_response", envelope);
		return lenient("service_response", () -> ServiceResponse.fromMap(valid));
	}

	ServiceEventEnvelope event(Map<String, Object> envelope) {
		Map<String, Object> valid = validated("service_event", envelope);
		return lenient("service_event", () -> ServiceEventEnvelope.fromMap(valid));
	}

	static ToolObservation observation(ServiceResponse response) {
		ToolObservation observation;
		try {
			observation = response.observationModel();
		}
		catch (ProtocolValidationException ex) {
			throw new AppControlTransportException(
					"app-control service answered with an invalid observation: " + ex.getMessage(), ex);
		}
		if (observation == null) {
			throw new AppControlTransportException("app-control service answered without an observation");
		}
		return observation;
	}

	static AppControlTransportException refused(String transport, @Nullable ToolError error) {
		String reason = (error != null) ? error.failureKind() + ": " + error.message() : "no error given";
		String message = "app-control service refused the request (" + transport + ", " + reason + ")";
		return (error != null) ? new AppControlTransportException(message, error)
				: new AppControlTransportException(message);
	}

	private Map<String, Object> validated(String schema, Map<String, Object> envelope) {
		try {
			return this.schemas.validateProtocolPayload(schema, envelope);
		}
		catch (ProtocolValidationException ex) {
			throw invalid(schema, ex);
		}
	}

	private static <T> T lenient(String schema, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (ProtocolValidationException ex) {
			throw invalid(schema, ex);
		}
	}

	private static AppControlTransportException invalid(String schema, ProtocolValidationException ex) {
		return new AppControlTransportException("invalid " + schema + " envelope: " + ex.getMessage(), ex);
	}

}
