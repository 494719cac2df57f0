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

package io.github.agentprotocols.lime.test;

import java.util.Map;

import io.github.agentprotocols.lime.wire.LimeJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compact JSON for the fake, written and read with the wire's one mapper,
 * {@link LimeJson}: the LIME envelope and SSE payloads.
 */
final class Json {

	private Json() {
	}

	/**
	 * A compact object from alternating names and values; {@code null} values are written
	 * as JSON {@code null}.
	 */
	static String object(@Nullable Object... namesAndValues) {
		JsonMapper mapper = LimeJson.mapper();
		ObjectNode node = mapper.createObjectNode();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			node.set(String.valueOf(namesAndValues[i]), mapper.valueToTree(namesAndValues[i + 1]));
		}
		return node.toString();
	}

	/**
	 * The success envelope around a compact JSON object.
	 */
	static String ok(String data) {
		return "{\"ok\":true,\"data\":" + data + "}";
	}

	static String error(String code, String message) {
		JsonMapper mapper = LimeJson.mapper();
		ObjectNode node = mapper.createObjectNode();
		node.put("ok", false);
		node.set("error", mapper.valueToTree(Map.of("code", code, "message", message)));
		return node.toString();
	}

	static @Nullable JsonNode parseOrNull(String text) {
		try {
			return LimeJson.read(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
