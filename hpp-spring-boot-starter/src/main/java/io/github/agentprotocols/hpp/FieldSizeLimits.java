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

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Bounds the size of a field written to a session: the length of its key and the bytes of
 * its value serialized as JSON.
 */
final class FieldSizeLimits {

	/**
	 * The most bytes one UTF-16 char of a string takes in JSON: six for a control
	 * character, written as a Unicode escape; UTF-8 takes at most three.
	 */
	private static final int MAX_JSON_BYTES_PER_CHAR = 6;

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
		if (!fitsUnserialized(value) && value.toString().getBytes(StandardCharsets.UTF_8).length > this.maxValueBytes) {
			return "value too large";
		}
		return null;
	}

	/**
	 * Whether a value is a string short enough to be within bounds however it is escaped,
	 * so that it need not be serialized to be measured.
	 */
	private boolean fitsUnserialized(JsonNode value) {
		return value.isString()
				&& 2 + (long) MAX_JSON_BYTES_PER_CHAR * value.stringValue().length() <= this.maxValueBytes;
	}

}
