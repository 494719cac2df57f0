/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
