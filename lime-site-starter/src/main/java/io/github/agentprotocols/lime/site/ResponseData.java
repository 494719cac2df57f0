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

package io.github.agentprotocols.lime.site;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

import io.github.agentprotocols.lime.BindingRequest;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.LoginStatus;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code data} objects of the create-request and status responses into results,
 * refusing missing fields with a {@link LimeException}.
 */
final class ResponseData {

	private ResponseData() {
	}

	static LoginRequest loginRequest(JsonNode data) {
		return new LoginRequest(text(data, "login_request_id"), text(data, "status"), instant(data, "expires_at"));
	}

	/**
	 * Read the answer of a status poll: {@code status} is required, {@code expires_at}
	 * optional (its presence is not known for LIME's answer).
	 */
	static LoginStatus loginStatus(String requestId, JsonNode data) {
		JsonNode expiresAt = data.get("expires_at");
		return new LoginStatus(requestId, text(data, "status"),
				(expiresAt != null && !expiresAt.isNull()) ? instant(data, "expires_at") : null);
	}

	static BindingRequest bindingRequest(JsonNode data) {
		String connectUrl = text(data, "connect_url");
		try {
			return new BindingRequest(text(data, "binding_id"), URI.create(connectUrl), text(data, "status"),
					instant(data, "expires_at"));
		}
		catch (IllegalArgumentException ex) {
			throw new LimeException("Invalid connect_url in response: " + connectUrl, ex);
		}
	}

	private static String text(JsonNode data, String field) {
		JsonNode value = data.get(field);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			throw new LimeException("Response data missing " + field);
		}
		return value.stringValue();
	}

	/**
	 * Read an ISO-8601 timestamp with a {@code Z} or numeric offset; one without an
	 * offset is taken as UTC.
	 */
	private static Instant instant(JsonNode data, String field) {
		String text = text(data, field);
		try {
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
					LocalDateTime::from);
			return (parsed instanceof OffsetDateTime offset) ? offset.toInstant()
					: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new LimeException("Invalid " + field + " in response: " + text, ex);
		}
	}

}
