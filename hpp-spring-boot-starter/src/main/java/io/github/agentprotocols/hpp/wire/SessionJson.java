package io.github.agentprotocols.hpp.wire;

import io.github.agentprotocols.hpp.Change;
import io.github.agentprotocols.hpp.FieldValue;
import io.github.agentprotocols.hpp.HandshakeSession;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders sessions, field values and changes in their wire shapes. Timestamps carry six
 * fractional digits and a {@code ±HH:MM} offset in one zone, so their string order is
 * their time order.
 */
public final class SessionJson {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final DateTimeFormatter timestamps;

	/**
	 * Creates a renderer.
	 * @param zone the zone of rendered timestamps
	 */
	public SessionJson(ZoneId zone) {
		this.timestamps = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(zone);
	}

	/**
	 * Renders an instant as a protocol timestamp.
	 * @param instant the instant
	 * @return the timestamp, for example {@code 2026-06-24T14:33:15.123456+00:00}
	 */
	public String timestamp(Instant instant) {
		return this.timestamps.format(instant);
	}

	/**
	 * The session dict returned by the context endpoint.
	 * @param session the session
	 * @param now the current time
	 * @return the JSON object
	 */
	public ObjectNode session(HandshakeSession session, Instant now) {
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
	public ObjectNode fields(Map<String, FieldValue> fields) {
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
	public ArrayNode changes(List<Change> changes) {
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
	 * A JSON array of strings.
	 * @param values the strings
	 * @return the array
	 */
	public static ArrayNode strings(Collection<String> values) {
		ArrayNode json = nodes.arrayNode();
		values.forEach(json::add);
		return json;
	}

}
