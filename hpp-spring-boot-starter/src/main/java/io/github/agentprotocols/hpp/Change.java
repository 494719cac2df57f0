package io.github.agentprotocols.hpp;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One entry of a session's change log, as returned by the diff endpoint.
 * <p>
 * Its values cannot be changed through this record: an object or array is copied when the
 * record is made and each time it is read (other JSON values are immutable), so entries
 * can be shared by a session and its copies.
 *
 * @param key the field key
 * @param from the previous value (JSON null if the field had no entry)
 * @param to the new value
 * @param by the resulting owner of the field
 * @param at when the change was made
 */
public record Change(String key, JsonNode from, JsonNode to, FieldOwner by, Instant at) {

	public Change {
		from = from.deepCopy();
		to = to.deepCopy();
	}

	/**
	 * The previous value.
	 * @return the value; a copy when it is an object or an array
	 */
	@Override
	public JsonNode from() {
		return this.from.deepCopy();
	}

	/**
	 * The new value.
	 * @return the value; a copy when it is an object or an array
	 */
	@Override
	public JsonNode to() {
		return this.to.deepCopy();
	}

}
