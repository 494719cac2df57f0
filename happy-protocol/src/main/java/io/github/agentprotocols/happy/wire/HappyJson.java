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

package io.github.agentprotocols.happy.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Happy client's JSON, one configured {@link JsonMapper} for everything it reads and
 * writes: the wire shapes (compact, unknown fields ignored since newer servers add
 * optional fields, spec §13) and the plaintext of encrypted records.
 */
public final class HappyJson {

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final ObjectReader values = mapper.readerFor(Object.class)
		.with(DeserializationFeature.USE_LONG_FOR_INTS);

	private HappyJson() {
	}

	/**
	 * Read a JSON document.
	 * @param <T> the type
	 * @param json the document
	 * @param type the type to read
	 * @return the value
	 * @throws MalformedWireException when the document does not have the shape
	 */
	public static <T> T read(String json, Class<T> type) {
		try {
			T value = mapper.readValue(json, type);
			if (value == null) {
				throw new MalformedWireException("Expected " + type.getSimpleName() + " but got null");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new MalformedWireException("Malformed " + type.getSimpleName() + ": " + ex.getOriginalMessage());
		}
	}

	/**
	 * Read a JSON document as a tree.
	 * @param json the document
	 * @return its root node
	 * @throws MalformedWireException when the document is not JSON
	 */
	public static JsonNode readTree(String json) {
		try {
			return mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedWireException("Malformed JSON: " + ex.getOriginalMessage());
		}
	}

	/**
	 * Read a JSON document as plain immutable values: {@code Map} in document order,
	 * {@code List}, {@code String}, {@code Long} or {@code BigInteger}, {@code Double},
	 * {@code Boolean}, {@code null}.
	 * @param json the UTF-8 document
	 * @return the value
	 * @throws MalformedWireException when the document is not JSON
	 */
	public static @Nullable Object readValue(byte[] json) {
		try {
			return immutable(values.readValue(json));
		}
		catch (JacksonException ex) {
			throw new MalformedWireException("Malformed JSON: " + ex.getOriginalMessage());
		}
	}

	/**
	 * Write a value as compact JSON.
	 * @param value the value
	 * @return the document
	 * @throws JacksonException when the value cannot be written as JSON
	 */
	public static String write(@Nullable Object value) {
		return mapper.writeValueAsString(value);
	}

	/**
	 * Write a value as compact UTF-8 JSON.
	 * @param value the value
	 * @return the document
	 * @throws JacksonException when the value cannot be written as JSON
	 */
	public static byte[] writeBytes(@Nullable Object value) {
		return mapper.writeValueAsBytes(value);
	}

	private static @Nullable Object immutable(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, entry) -> copy.put((String) key, immutable(entry)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			list.forEach((entry) -> copy.add(immutable(entry)));
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

}
