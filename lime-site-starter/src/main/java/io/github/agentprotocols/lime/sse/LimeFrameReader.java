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

package io.github.agentprotocols.lime.sse;

import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.sse.FrameOutcome.Deliver;
import io.github.agentprotocols.lime.sse.FrameOutcome.Severity;
import io.github.agentprotocols.lime.sse.FrameOutcome.Skip;
import io.github.agentprotocols.lime.wire.LimeJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the data of one SSE event into {@link FrameOutcome outcomes} (spec §4.3, §4.4).
 * <p>
 * The data is one JSON object. For compatibility with the reference client, which
 * dispatches every {@code data:} line on its own, data whose lines are joined into
 * something that is not JSON but whose lines each are JSON is read line by line. The kind
 * comes from the JSON {@code type}: {@code approved} and {@code expired} with a non-blank
 * {@code login_request_id} are delivered; keepalives, {@code error} frames and unknown
 * types are skipped, as are malformed payloads and an approval without a passport, none
 * of which ends the connection.
 */
final class LimeFrameReader {

	/**
	 * Reads the data of one event.
	 * @param data the event's data, its {@code data:} lines joined with {@code \n}
	 * @param id the event's SSE id, if any
	 * @return one outcome per JSON document, in order; none for blank data
	 */
	List<FrameOutcome> read(String data, @Nullable String id) {
		if (data.isBlank()) {
			return List.of();
		}
		JsonNode node;
		try {
			node = LimeJson.read(data);
		}
		catch (JacksonException ex) {
			List<FrameOutcome> lines = readLines(data, id);
			return (lines != null) ? lines
					: List.of(new Skip(Severity.WARN, "Invalid SSE JSON (" + ex.getOriginalMessage() + ")"));
		}
		return List.of(classify(node, id));
	}

	private @Nullable List<FrameOutcome> readLines(String data, @Nullable String id) {
		if (data.indexOf('\n') < 0) {
			return null;
		}
		List<FrameOutcome> outcomes = new ArrayList<>();
		for (String line : data.split("\n")) {
			if (!line.isBlank()) {
				try {
					outcomes.add(classify(LimeJson.read(line), id));
				}
				catch (JacksonException ex) {
					return null;
				}
			}
		}
		return outcomes;
	}

	private FrameOutcome classify(JsonNode payload, @Nullable String id) {
		if (!payload.isObject()) {
			return new Skip(Severity.WARN, "SSE frame is not a JSON object");
		}
		String type = scalar(payload.get("type"));
		type = (type != null) ? type : "";
		if (type.equals("keepalive")) {
			return new Skip(Severity.TRACE, "keepalive");
		}
		if (type.equals("error")) {
			return new Skip(Severity.ERROR, "SSE error frame " + text(payload, "code", "SSE_ERROR") + ": "
					+ text(payload, "message", "SSE error frame"));
		}
		String requestId = scalar(payload.get("login_request_id"));
		requestId = (requestId != null) ? requestId.trim() : "";
		if (requestId.isEmpty()) {
			return new Skip(Severity.DEBUG, "'" + type + "' frame without login_request_id");
		}
		if (type.equals("expired")) {
			return new Deliver(new LimeEvent(LimeEvent.Type.EXPIRED, requestId, null, id));
		}
		if (type.equals("approved")) {
			JsonNode jwt = payload.get("agent_passport_jwt");
			if (jwt == null || !jwt.isString() || jwt.stringValue().isBlank()) {
				return new Skip(Severity.WARN,
						"'approved' frame for request " + requestId + " without agent_passport_jwt");
			}
			return new Deliver(new LimeEvent(LimeEvent.Type.APPROVED, requestId, jwt.stringValue(), id));
		}
		return new Skip(Severity.DEBUG, "'" + type + "' frame ignored");
	}

	private static String text(JsonNode payload, String field, String fallback) {
		String value = scalar(payload.get(field));
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

	private static @Nullable String scalar(@Nullable JsonNode node) {
		if (node == null || !(node.isString() || node.isNumber() || node.isBoolean())) {
			return null;
		}
		return node.asString();
	}

}
