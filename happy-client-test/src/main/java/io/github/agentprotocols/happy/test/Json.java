package io.github.agentprotocols.happy.test;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.happy.wire.HappyJson;
import io.github.agentprotocols.happy.wire.MalformedWireException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Ordered maps for every payload the fake writes, and lenient parsing of what it reads;
 * the JSON itself is happy-protocol's {@link HappyJson}.
 */
final class Json {

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

	static @Nullable JsonNode parseOrNull(String text) {
		try {
			return HappyJson.readTree(text);
		}
		catch (MalformedWireException ex) {
			return null;
		}
	}

}
