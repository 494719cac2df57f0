package io.github.agentprotocols.happy.wire;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the wire shapes: compact JSON, unknown fields ignored (newer servers
 * add optional fields, spec §13).
 */
public final class HappyJson {

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private HappyJson() {
	}

	/**
	 * Read a JSON document.
	 * @param <T> the type
	 * @param json the document
	 * @param type the type to read
	 * @return the value
	 * @throws MalformedWireException when the document does not have the shape
	 */
	public static <T> T read(String json, Class<T> type) {
		try {
			T value = mapper.readValue(json, type);
			if (value == null) {
				throw new MalformedWireException("Expected " + type.getSimpleName() + " but got null");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new MalformedWireException("Malformed " + type.getSimpleName() + ": " + ex.getOriginalMessage());
		}
	}

	/**
	 * Write a value as compact JSON.
	 * @param value the value
	 * @return the document
	 */
	public static String write(Object value) {
		return mapper.writeValueAsString(value);
	}

}
