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

package io.github.agentprotocols.acp.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.EventQuery;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewMember;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.wire.AcpTimestamps;
import io.github.agentprotocols.acp.wire.StorableJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads the parts of REST requests that the wire mapping does not: the lenient bodies of
 * member additions and invocations (unknown top-level keys ignored, W7), path ids, and
 * the query parameters of the list endpoints (§2.9, §4.2, §4.6). Every violation is
 * {@code invalid_request}. The Socket.IO transport reads its {@code assistant:invoke}
 * payloads with {@link #invocation(JsonNode, Identity)} too.
 */
public final class AcpRequests {

	static final int DEFAULT_THREAD_LIMIT = 50;

	static final int MAX_THREAD_LIMIT = 200;

	static final int DEFAULT_EVENT_LIMIT = 100;

	static final int MAX_EVENT_LIMIT = 500;

	/** The first instant of an RFC 3339 timestamp that every store can compare. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/** The first instant past four-digit years, which RFC 3339 cannot express. */
	private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

	private AcpRequests() {
	}

	static NewMember member(JsonNode body) {
		JsonNode identity = present(body.get("identity"));
		if (identity == null) {
			throw AcpException.invalidRequest("identity is required");
		}
		return NewMember.of(AcpJson.readIdentity(identity), optionalString(body, "role"));
	}

	/**
	 * Reads an invocation ({@code assistant_ids}, {@code idempotency_key},
	 * {@code options}; other keys ignored).
	 * @param body the JSON object
	 * @param caller the caller, who triggers the runs
	 * @return the invocation request
	 * @throws io.github.agentprotocols.acp.AcpException {@code invalid_request}
	 */
	public static InvocationRequest invocation(JsonNode body, Identity caller) {
		JsonNode ids = present(body.get("assistant_ids"));
		if (ids == null) {
			throw AcpException.invalidRequest("assistant_ids is required");
		}
		if (!ids.isArray()) {
			throw AcpException.invalidRequest("assistant_ids must be an array of strings");
		}
		List<String> assistantIds = new ArrayList<>(ids.size());
		for (JsonNode id : ids.values()) {
			if (!id.isString()) {
				throw AcpException.invalidRequest("assistant_ids must be an array of strings");
			}
			assistantIds.add(id.stringValue());
		}
		JsonNode options = present(body.get("options"));
		Map<String, Object> optionsMap = (options != null) ? AcpJson.readObject(options) : null;
		return InvocationRequest.of(assistantIds, caller, optionalString(body, "idempotency_key"), optionsMap);
	}

	static String id(ServerRequest request, String name) {
		return StorableJson.requireNoNul(request.pathVariable(name));
	}

	static int limit(ServerRequest request, int defaultLimit, int maxLimit) {
		String value = query(request, "limit");
		if (value == null) {
			return defaultLimit;
		}
		int limit;
		try {
			limit = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw AcpException.invalidRequest("limit must be an integer");
		}
		if (limit < 1 || limit > maxLimit) {
			throw AcpException.invalidRequest("limit must be between 1 and " + maxLimit);
		}
		return limit;
	}

	static @Nullable Cursor cursor(ServerRequest request) {
		String createdAt = query(request, "cursor_created_at");
		String id = query(request, "cursor_id");
		if (createdAt == null && id == null) {
			return null;
		}
		if (createdAt == null || id == null) {
			throw AcpException.invalidRequest("cursor_created_at and cursor_id go together");
		}
		Instant instant = AcpTimestamps.parse(createdAt);
		if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
			throw AcpException.invalidRequest("cursor_created_at must be within the years 0001-9999");
		}
		return new Cursor(instant, id);
	}

	static EventQuery eventQuery(ServerRequest request) {
		int limit = limit(request, DEFAULT_EVENT_LIMIT, MAX_EVENT_LIMIT);
		Cursor cursor = cursor(request);
		String order = query(request, "order");
		if (order != null && !order.equals("asc") && !order.equals("desc")) {
			throw AcpException.invalidRequest("order must be asc or desc");
		}
		String typeList = query(request, "types");
		Set<EventType> types = EnumSet.noneOf(EventType.class);
		if (typeList != null) {
			for (String type : typeList.split(",", -1)) {
				types.add(EventType.fromWireName(type.trim()));
			}
		}
		return new EventQuery(limit, cursor, "desc".equals(order), types);
	}

	private static @Nullable String query(ServerRequest request, String name) {
		String value = request.queryParam(name).orElse(null);
		return (value != null) ? StorableJson.requireNoNul(value) : null;
	}

	private static @Nullable String optionalString(JsonNode body, String key) {
		JsonNode value = present(body.get(key));
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw AcpException.invalidRequest(key + " must be a string");
		}
		return value.stringValue();
	}

	private static @Nullable JsonNode present(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node;
	}

}
