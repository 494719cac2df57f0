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

package io.github.agentprotocols.acp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Immutable copies of JSON values held as plain Java objects ({@code Map}, {@code List},
 * {@code String}, {@code Boolean}, numbers, {@code null}), and their size as compact
 * JSON. Integral numbers become {@code Long} (or {@code BigInteger} beyond its range) and
 * {@code Float} becomes {@code Double}, so that values equal as JSON compare equal after
 * a round trip.
 */
final class JsonValues {

	private JsonValues() {
	}

	/**
	 * Copies a {@code metadata} object and checks its size.
	 * @param metadata the object, {@code null} meaning empty
	 * @param name the name used in a violation's message
	 * @return the immutable copy
	 */
	static Map<String, Object> metadata(@Nullable Map<String, ?> metadata, String name) {
		Map<String, Object> copy = object(metadata);
		AcpLimits.check(serializedSize(copy) <= AcpLimits.MAX_METADATA_BYTES,
				name + " exceeds " + AcpLimits.MAX_METADATA_BYTES + " bytes");
		return copy;
	}

	/**
	 * Copies a JSON object.
	 * @param object the object, {@code null} meaning empty
	 * @return the immutable copy
	 */
	static Map<String, Object> object(@Nullable Map<String, ?> object) {
		if (object == null || object.isEmpty()) {
			return Collections.emptyMap();
		}
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		object.forEach((key, value) -> copy.put(requireKey(key), value(value)));
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * Copies any JSON value.
	 * @param value the value
	 * @return the immutable copy
	 * @throws IllegalArgumentException if the value is not a JSON value
	 */
	@SuppressWarnings("unchecked")
	static @Nullable Object value(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
				|| value instanceof Double || value instanceof BigDecimal) {
			return value;
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Float number) {
			return number.doubleValue();
		}
		if (value instanceof BigInteger number) {
			return (number.bitLength() < 64) ? (Object) number.longValue() : number;
		}
		if (value instanceof Map<?, ?> map) {
			return object((Map<String, ?>) map);
		}
		if (value instanceof Collection<?> collection) {
			List<@Nullable Object> copy = new ArrayList<>(collection.size());
			collection.forEach((element) -> copy.add(value(element)));
			return Collections.unmodifiableList(copy);
		}
		throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
	}

	private static String requireKey(@Nullable Object key) {
		if (!(key instanceof String string)) {
			throw new IllegalArgumentException("JSON object keys must be strings");
		}
		return string;
	}

	/**
	 * The size of a copied value written as compact UTF-8 JSON.
	 * @param value a value returned by {@link #value}
	 * @return the size in bytes
	 */
	static long serializedSize(@Nullable Object value) {
		if (value == null || Boolean.TRUE.equals(value)) {
			return 4;
		}
		if (Boolean.FALSE.equals(value)) {
			return 5;
		}
		if (value instanceof String string) {
			return stringSize(string);
		}
		if (value instanceof Map<?, ?> map) {
			long size = 2 + Math.max(0, map.size() - 1);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += stringSize((String) entry.getKey()) + 1 + serializedSize(entry.getValue());
			}
			return size;
		}
		if (value instanceof List<?> list) {
			long size = 2 + Math.max(0, list.size() - 1);
			for (Object element : list) {
				size += serializedSize(element);
			}
			return size;
		}
		return value.toString().length();
	}

	private static long stringSize(String string) {
		long size = 2;
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
				size += 2;
			}
			else if (c < 0x20) {
				size += 6;
			}
			else if (c < 0x80) {
				size += 1;
			}
			else if (c < 0x800) {
				size += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < string.length()
					&& Character.isLowSurrogate(string.charAt(i + 1))) {
				size += 4;
				i++;
			}
			else {
				size += 3;
			}
		}
		return size;
	}

}
