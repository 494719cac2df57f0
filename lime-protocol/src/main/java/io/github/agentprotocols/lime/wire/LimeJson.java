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
