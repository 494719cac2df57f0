package io.github.agentprotocols.happy.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact JSON for the fake's REST answers, and ordered maps for every payload it writes.
 */
final class Json {

	static final JsonMapper mapper = JsonMapper.builder().build();

	private Json() {
	}

	/**
	 * An ordered map from alternating names and values, {@code null} values kept (they
	 * are written as JSON {@code null}).
	 */
	static Map<String, @Nullable Object> object(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return map;
	}

	static String write(Object value) {
		return mapper.writeValueAsString(value);
	}

	static @Nullable JsonNode parseOrNull(String text) {
		try {
			return mapper.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
