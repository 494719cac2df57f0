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
