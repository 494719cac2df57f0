package io.github.agentprotocols.appcontrol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A model that travels as one JSON object. Jackson writes it as its {@link #toMap() wire
 * object}; each model reads it back with its lenient {@code fromMap}.
 */
public interface WireObject {

	/**
	 * The canonical wire object: keys in wire order, required keys always, optional
	 * scalars when set, optional objects when non-empty.
	 * @return the ordered, immutable map
	 */
	@JsonValue
	Map<String, Object> toMap();

	/**
	 * Writes the canonical wire object as compact JSON.
	 * @return the JSON text
	 */
	default String toJson() {
		return AppControlJson.write(toMap());
	}

}
