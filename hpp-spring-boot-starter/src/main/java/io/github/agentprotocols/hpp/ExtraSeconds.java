package io.github.agentprotocols.hpp;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code extraSeconds} of an extend request: an integer or an integer string;
 * absent means 1800.
 */
final class ExtraSeconds {

	private static final long DEFAULT = 1800;

	private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");

	private ExtraSeconds() {
	}

	/**
	 * Reads the value.
	 * @param value the JSON value, or null when absent
	 * @return the seconds, or -1 when the value is not a usable integer
	 */
	static long of(@Nullable JsonNode value) {
		if (value == null) {
			return DEFAULT;
		}
		if (value.isIntegralNumber()) {
			return value.canConvertToLong() ? value.longValue() : -1;
		}
		if (value.isString() && INTEGER.matcher(value.stringValue().trim()).matches()) {
			return Long.parseLong(value.stringValue().trim());
		}
		return -1;
	}

}
