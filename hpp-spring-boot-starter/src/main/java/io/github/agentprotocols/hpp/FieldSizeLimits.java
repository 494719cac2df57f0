package io.github.agentprotocols.hpp;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Bounds the size of a field written to a session: the length of its key and the bytes of
 * its value serialized as JSON.
 */
final class FieldSizeLimits {

	private final int maxKeyLength;

	private final int maxValueBytes;

	FieldSizeLimits(HandshakeSettings.Limits limits) {
		this.maxKeyLength = limits.maxKeyLength();
		this.maxValueBytes = limits.maxValueBytes();
	}

	/**
	 * Checks a field.
	 * @param key the field key
	 * @param value the value
	 * @return {@code key too long}, {@code value too large}, or null when within bounds
	 */
	@Nullable String check(String key, JsonNode value) {
		if (key.length() > this.maxKeyLength) {
			return "key too long";
		}
		if (value.toString().getBytes(StandardCharsets.UTF_8).length > this.maxValueBytes) {
			return "value too large";
		}
		return null;
	}

}
