package io.github.agentprotocols.hpp.wire;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's one JSON mapper, with what its HTTP bodies, WebSocket frames and Redis
 * documents need to read and write JSON.
 */
public final class HppJson {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Reads {@code NaN} and {@code Infinity} as numbers, so that request bodies holding
	 * them can be refused by name.
	 */
	private static final ObjectReader lenient = mapper.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

	private HppJson() {
	}

	/**
	 * Parses JSON text.
	 * @param text the text
	 * @return the tree
	 * @throws tools.jackson.core.JacksonException if the text is not JSON
	 */
	public static JsonNode read(String text) {
		return mapper.readTree(text);
	}

	/**
	 * Parses a request body, taking {@code NaN} and {@code Infinity} for numbers.
	 * @param bytes the body
	 * @return the tree
	 * @throws tools.jackson.core.JacksonException if the body is not JSON
	 */
	public static JsonNode readBody(byte[] bytes) {
		return lenient.readTree(bytes);
	}

	/**
	 * Writes a tree as JSON text.
	 * @param json the tree
	 * @return the text
	 */
	public static String write(JsonNode json) {
		return mapper.writeValueAsString(json);
	}

	/**
	 * Writes a tree as UTF-8 JSON.
	 * @param json the tree
	 * @return the bytes
	 */
	public static byte[] writeBytes(JsonNode json) {
		return mapper.writeValueAsBytes(json);
	}

}
