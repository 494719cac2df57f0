package io.github.agentprotocols.lime.wire;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the LIME wire: the one {@link JsonMapper} of the starter and its test kit,
 * reading API responses, event frames and broadcast messages, and writing request bodies.
 * A document followed by anything but whitespace is malformed.
 */
public final class LimeJson {

	private static final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private LimeJson() {
	}

	/**
	 * Return the mapper.
	 * @return the configured mapper
	 */
	public static JsonMapper mapper() {
		return mapper;
	}

	/**
	 * Read a JSON document.
	 * @param text the document
	 * @return its tree
	 * @throws JacksonException when the text is not one JSON document
	 */
	public static JsonNode read(String text) {
		return mapper.readTree(text);
	}

	/**
	 * Write a value as JSON.
	 * @param value the value
	 * @return the JSON text
	 */
	public static String write(Object value) {
		return mapper.writeValueAsString(value);
	}

	/**
	 * Convert a JSON object to a map.
	 * @param node the object
	 * @return its members, with nested objects and arrays as maps and lists
	 */
	public static Map<String, Object> toMap(JsonNode node) {
		return mapper.convertValue(node,
				mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
	}

}
