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

package io.github.agentprotocols.hpp;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders sessions, field values, changes and the responses of the HTTP endpoints in
 * their wire shapes. Timestamps carry six fractional digits and a {@code ±HH:MM} offset
 * in one zone, so their string order is their time order. The engine's own renderer: it
 * renders the engine's types, so it lives beside them rather than in {@code wire}.
 */
final class SessionJson {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final TimestampFormat timestamps;

	/**
	 * Creates a renderer.
	 * @param zone the zone of rendered timestamps
	 */
	SessionJson(ZoneId zone) {
		this.timestamps = new TimestampFormat(zone);
	}

	/**
	 * Renders an instant as a protocol timestamp.
	 * @param instant the instant
	 * @return the timestamp, for example {@code 2026-06-24T14:33:15.123456+00:00}
	 */
	String timestamp(Instant instant) {
		return this.timestamps.format(instant);
	}

	/**
	 * The response of {@code POST session}: the credentials and the URLs of the session's
	 * endpoints.
	 * @param session the new session
	 * @param paths the advertised paths
	 * @param expiresIn the seconds a new session lives
	 * @return the JSON object
	 */
	ObjectNode created(HandshakeSession session, HandshakeSettings.Paths paths, long expiresIn) {
		String http = paths.advertisedPrefix() + paths.prefix();
		String sid = session.getId();
		ObjectNode json = nodes.objectNode();
		json.put("sessionId", sid);
		json.put("token", session.getToken());
		json.put("wsUrl", paths.advertisedPrefix() + paths.wsPrefix() + "/" + sid);
		json.put("contextUrl", http + "/context/" + sid);
		json.put("actionUrl", http + "/action/" + sid);
		json.put("diffUrl", http + "/diff/" + sid);
		json.put("notifyUrl", http + "/notify/" + sid);
		json.put("expiresIn", expiresIn);
		return json;
	}

	/**
	 * The session dict returned by the context endpoint.
	 * @param session the session
	 * @param now the current time
	 * @return the JSON object
	 */
	ObjectNode session(HandshakeSession session, Instant now) {
		ObjectNode json = nodes.objectNode();
		json.put("sessionId", session.getId());
		json.set("mode", session.getMode());
		json.set("schema", session.getSchema());
		json.set("context", fields(session.getFields()));
		json.set("missing", strings(session.missing()));
		json.set("meta", session.getMeta());
		json.put("expiresIn", session.expiresIn(now));
		return json;
	}

	/**
	 * Field values keyed by field: {@code {"<key>": {"value", "by", "at"}}}.
	 * @param fields the fields
	 * @return the JSON object
	 */
	ObjectNode fields(Map<String, FieldValue> fields) {
		ObjectNode json = nodes.objectNode();
		fields.forEach((key, field) -> {
			ObjectNode entry = json.putObject(key);
			entry.set("value", field.value());
			entry.put("by", field.by().wireName());
			entry.put("at", timestamp(field.at()));
		});
		return json;
	}

	/**
	 * Change-log entries: {@code [{"key", "from", "to", "by", "at"}]}.
	 * @param changes the entries
	 * @return the JSON array
	 */
	ArrayNode changes(List<Change> changes) {
		ArrayNode json = nodes.arrayNode();
		for (Change change : changes) {
			ObjectNode entry = json.addObject();
			entry.put("key", change.key());
			entry.set("from", change.from());
			entry.set("to", change.to());
			entry.put("by", change.by().wireName());
			entry.put("at", timestamp(change.at()));
		}
		return json;
	}

	/**
	 * The response of {@code GET diff}.
	 * @param sessionId the session id
	 * @param since the {@code since} parameter as received, empty when absent
	 * @param changes the change-log entries
	 * @return the JSON object
	 */
	ObjectNode diff(String sessionId, String since, List<Change> changes) {
		ObjectNode json = nodes.objectNode();
		json.put("sessionId", sessionId);
		json.put("since", since);
		json.set("changes", changes(changes));
		return json;
	}

	/**
	 * The response of {@code POST action}.
	 * @param applied keys applied, in order
	 * @param rejected keys rejected, in order
	 * @param errors the error entries
	 * @param missing required keys still empty
	 * @param context the field values after the batch
	 * @param clients the WebSocket connections watching the session
	 * @param actionEvents the action events queued for each connection
	 * @param queued whether the batch's events were queued; if not, no message is counted
	 * @return the JSON object
	 */
	static ObjectNode actionResult(List<String> applied, List<String> rejected, ArrayNode errors, List<String> missing,
			ObjectNode context, int clients, int actionEvents, boolean queued) {
		ObjectNode json = ok();
		json.set("applied", strings(applied));
		json.set("rejected", strings(rejected));
		json.set("errors", errors);
		json.set("missing", strings(missing));
		json.set("context", context);
		ObjectNode broadcast = json.putObject("broadcast");
		broadcast.put("clients", clients);
		broadcast.put("actionMessages", queued ? actionEvents * clients : 0);
		broadcast.put("doneMessages", queued ? clients : 0);
		return json;
	}

	/**
	 * The response of {@code POST extend}.
	 * @param extended the seconds granted
	 * @param expiresIn the seconds left afterwards
	 * @return the JSON object
	 */
	static ObjectNode extended(long extended, long expiresIn) {
		return ok().put("extended", extended).put("expiresIn", expiresIn);
	}

	/**
	 * The response of a request that succeeded with nothing to report.
	 * @return {@code {"ok": true}}
	 */
	static ObjectNode ok() {
		return nodes.objectNode().put("ok", true);
	}

	/**
	 * A JSON array of strings.
	 * @param values the strings
	 * @return the array
	 */
	static ArrayNode strings(Collection<String> values) {
		ArrayNode json = nodes.arrayNode();
		values.forEach(json::add);
		return json;
	}

}
