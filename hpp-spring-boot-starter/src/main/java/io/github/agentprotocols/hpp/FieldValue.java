package io.github.agentprotocols.hpp;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * The current value of one form field with its owner and the time it was written.
 * <p>
 * The value cannot be changed through this record: an object or array is copied when the
 * record is made and each time it is read (other JSON values are immutable), so no
 * caller, hook or response holding it can change a stored session.
 *
 * @param value the value, any JSON
 * @param by who wrote it
 * @param at when it was written
 */
public record FieldValue(JsonNode value, FieldOwner by, Instant at) {

	public FieldValue {
		value = value.deepCopy();
	}

	/**
	 * The value.
	 * @return the value; a copy when it is an object or an array
	 */
	@Override
	public JsonNode value() {
		return this.value.deepCopy();
	}

}
