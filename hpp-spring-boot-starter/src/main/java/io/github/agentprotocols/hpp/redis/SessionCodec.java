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

package io.github.agentprotocols.hpp.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.hpp.Change;
import io.github.agentprotocols.hpp.FieldOwner;
import io.github.agentprotocols.hpp.FieldValue;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.RequestWindow;
import io.github.agentprotocols.hpp.wire.HppJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The complete state of a {@link HandshakeSession} as JSON text, for stores that keep
 * sessions outside the application's memory. Lossless: client values keep their JSON
 * types, instants and durations keep their full precision, fields keep their order.
 * <p>
 * A store may keep the session's request windows apart, where it can add a request to
 * them without rewriting the session ({@link #encodeWithoutWindows}, and
 * {@link #decode(String, RequestWindow, RequestWindow)} to put them back).
 */
public final class SessionCodec {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final int FORMAT = 1;

	private SessionCodec() {
	}

	/**
	 * Encodes a session.
	 * @param session the session
	 * @return its JSON text
	 * @throws IllegalStateException if a request window of the session was restored from
	 * a summary, which does not list its requests
	 */
	public static String encode(HandshakeSession session) {
		ObjectNode json = state(session);
		json.set("requests", instants(session.getRequests().accepted()));
		json.set("extensions", instants(session.getExtensions().accepted()));
		return HppJson.write(json);
	}

	/**
	 * Encodes a session without its request windows ({@link HandshakeSession#getRequests}
	 * and {@link HandshakeSession#getExtensions}), for a store that keeps them apart.
	 * @param session the session
	 * @return its JSON text
	 */
	public static String encodeWithoutWindows(HandshakeSession session) {
		return HppJson.write(state(session));
	}

	private static ObjectNode state(HandshakeSession session) {
		ObjectNode json = nodes.objectNode();
		json.put("format", FORMAT);
		putFixed(json, session);
		json.put("ttl", session.getTtl().toString());
		json.put("lastTouch", session.getLastTouch().toString());
		json.put("lastStamp", session.getLastStamp().toString());
		ArrayNode fields = json.putArray("fields");
		session.getFields().forEach((key, field) -> {
			ObjectNode entry = fields.addObject().put("key", key);
			entry.set("value", field.value());
			entry.put("by", field.by().wireName()).put("at", field.at().toString());
		});
		ArrayNode changes = json.putArray("changes");
		for (Change change : session.getChanges()) {
			ObjectNode entry = changes.addObject().put("key", change.key());
			entry.set("from", change.from());
			entry.set("to", change.to());
			entry.put("by", change.by().wireName()).put("at", change.at().toString());
		}
		return json;
	}

	/**
	 * Puts the parts of a session that do not change once it is stored: id, token, mode,
	 * schema, metadata, owner, creation time and deadline.
	 * @param json where to put them
	 * @param session the session
	 * @return the JSON object
	 */
	static ObjectNode putFixed(ObjectNode json, HandshakeSession session) {
		json.put("id", session.getId());
		json.put("token", session.getToken());
		json.set("mode", session.getMode());
		json.set("schema", session.getSchema());
		json.set("meta", session.getMeta());
		json.put("owner", session.getOwner());
		json.put("createdAt", session.getCreatedAt().toString());
		json.put("deadline", session.getDeadline().toString());
		return json;
	}

	/**
	 * Decodes a session.
	 * @param text JSON text made by {@link #encode}
	 * @return the session
	 * @throws IllegalArgumentException if the text is not an encoded session
	 */
	public static HandshakeSession decode(String text) {
		return decode(text, new RequestWindow(), new RequestWindow());
	}

	/**
	 * Decodes a session whose request windows were kept apart. Text that holds windows of
	 * its own (made by {@link #encode}) keeps them instead.
	 * @param text JSON text made by {@link #encodeWithoutWindows} or {@link #encode}
	 * @param requests the agent's request budget window
	 * @param extensions the extend budget window
	 * @return the session
	 * @throws IllegalArgumentException if the text is not an encoded session
	 */
	public static HandshakeSession decode(String text, RequestWindow requests, RequestWindow extensions) {
		JsonNode json = HppJson.read(text);
		if (json.path("format").asInt(0) != FORMAT) {
			throw new IllegalArgumentException("Not an encoded handshake session (format " + json.get("format") + ")");
		}
		Map<String, FieldValue> fields = new LinkedHashMap<>();
		for (JsonNode entry : json.path("fields")) {
			fields.put(entry.get("key").stringValue(), new FieldValue(entry.get("value"),
					FieldOwner.fromWireName(entry.get("by").stringValue()), instant(entry.get("at"))));
		}
		List<Change> changes = new ArrayList<>();
		for (JsonNode entry : json.path("changes")) {
			changes.add(new Change(entry.get("key").stringValue(), entry.get("from"), entry.get("to"),
					FieldOwner.fromWireName(entry.get("by").stringValue()), instant(entry.get("at"))));
		}
		JsonNode owner = json.get("owner");
		return new HandshakeSession(json.get("id").stringValue(), json.get("token").stringValue(), json.get("mode"),
				(ArrayNode) json.get("schema"), (ObjectNode) json.get("meta"),
				(owner == null || owner.isNull()) ? null : owner.stringValue(), instant(json.get("createdAt")),
				instant(json.get("deadline")), Duration.parse(json.get("ttl").stringValue()),
				instant(json.get("lastTouch")), instant(json.get("lastStamp")), fields, changes,
				window(json.get("requests"), requests), window(json.get("extensions"), extensions));
	}

	private static ArrayNode instants(Deque<Instant> accepted) {
		ArrayNode json = nodes.arrayNode();
		accepted.forEach((instant) -> json.add(instant.toString()));
		return json;
	}

	private static RequestWindow window(@Nullable JsonNode json, RequestWindow kept) {
		if (json == null) {
			return kept;
		}
		Deque<Instant> accepted = new ArrayDeque<>();
		json.forEach((instant) -> accepted.add(instant(instant)));
		return new RequestWindow(accepted);
	}

	private static Instant instant(JsonNode json) {
		return Instant.parse(json.stringValue());
	}

}
