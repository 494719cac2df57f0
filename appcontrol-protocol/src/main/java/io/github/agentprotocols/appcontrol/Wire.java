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

package io.github.agentprotocols.appcontrol;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Construction checks, lenient reading and canonical emission shared by the models.
 */
final class Wire {

	private Wire() {
	}

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	/**
	 * A non-empty string, trimmed as Python's {@code str.strip()} trims.
	 */
	static String text(@Nullable String value, String field) {
		String stripped = (value != null) ? PythonWhitespace.strip(value) : "";
		if (UnicodeText.loneSurrogate(stripped) >= 0) {
			UnicodeText.checkValue(null, "/" + field, stripped);
		}
		if (stripped.isEmpty()) {
			throw ProtocolValidationException.model("/" + field, field + " must be a non-empty string");
		}
		return stripped;
	}

	static @Nullable String optionalText(@Nullable String value, String field) {
		return (value != null) ? text(value, field) : null;
	}

	static Map<String, Object> object(@Nullable Map<String, ?> value, String field) {
		return ImmutableJson.member(value, field);
	}

	/**
	 * The {@code schema} discriminator: null is filled in with the constant; any other
	 * value is trimmed, then must equal it.
	 */
	static String schema(@Nullable String value, String constant, String kind) {
		if (value == null) {
			return constant;
		}
		String stripped = text(value, "schema");
		if (!stripped.equals(constant)) {
			throw ProtocolValidationException.model("/schema", "unsupported " + kind + " schema: " + stripped);
		}
		return constant;
	}

	/**
	 * An integer given as any Java integral number, within the {@code long} range.
	 */
	static @Nullable Long integer(@Nullable Number value, String field) {
		if (value == null) {
			return null;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			BigInteger big = (value instanceof BigInteger integer) ? integer : BigInteger.valueOf(value.longValue());
			if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
				throw ProtocolValidationException.outOfRange(null, "/" + field);
			}
			return big.longValue();
		}
		throw ProtocolValidationException.model("/" + field, field + " must be an integer");
	}

	static <T> T required(@Nullable T value, String field, String message) {
		if (value == null) {
			throw ProtocolValidationException.model("/" + field, message);
		}
		return value;
	}

	/**
	 * Runs a nested parse or construction and re-roots its errors under {@code pointer}.
	 */
	static <T> T nested(String pointer, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (ProtocolValidationException ex) {
			throw new ProtocolValidationException(ex.getSchemaName(), pointer + ex.getPointer(), ex.getKeyword(),
					ex.getMessage());
		}
	}

	/**
	 * A reader of a wire object, copied whole first: the checks the validators share
	 * (lone surrogates, nesting depth, JSON values only, Jackson nodes read as their
	 * values) are made in document order over every member, unknown ones included, so
	 * that an object with several faults is refused for the one the validators name.
	 */
	static Reader read(@Nullable Map<String, ?> map) {
		if (map == null) {
			throw ProtocolValidationException.model("", "payload must be a mapping");
		}
		return new Reader(ImmutableJson.object(map, ""));
	}

	static Emitter emit() {
		return new Emitter();
	}

	/**
	 * Lenient reads of one copied wire object: the camelCase key when it is present (even
	 * with a null value), else its snake_case alias; null means absent.
	 */
	static final class Reader {

		private final Map<String, ?> map;

		private Reader(Map<String, ?> map) {
			this.map = map;
		}

		@Nullable Object raw(String key, @Nullable String alias) {
			Object value = this.map.get(key);
			if (value == null && alias != null && !this.map.containsKey(key)) {
				value = this.map.get(alias);
			}
			return value;
		}

		@Nullable String string(String key) {
			return string(key, null);
		}

		@Nullable String string(String key, @Nullable String alias) {
			Object value = raw(key, alias);
			if (value == null || value instanceof String) {
				return (String) value;
			}
			throw ProtocolValidationException.model("/" + key, key + " must be a non-empty string");
		}

		@Nullable Long integer(String key, @Nullable String alias) {
			Object value = raw(key, alias);
			if (value == null || value instanceof Number) {
				return Wire.integer((Number) value, key);
			}
			throw ProtocolValidationException.model("/" + key, key + " must be an integer");
		}

		@Nullable Boolean bool(String key) {
			Object value = raw(key, null);
			if (value == null || value instanceof Boolean) {
				return (Boolean) value;
			}
			throw ProtocolValidationException.model("/" + key, key + " must be a boolean");
		}

		Map<String, Object> object(String key) {
			return ImmutableJson.member(raw(key, null), key);
		}

		/**
		 * A free-form object the schema requires ({@code input}): absent is empty, an
		 * explicit null is refused as the schema refuses it.
		 */
		Map<String, Object> requiredObject(String key) {
			if (this.map.containsKey(key) && raw(key, null) == null) {
				throw new ProtocolValidationException(null, "/" + key, "type", key + " must be a mapping");
			}
			return object(key);
		}

		<E extends WireValue> @Nullable E enumeration(String key, @Nullable String alias, Function<String, E> parser) {
			String value = string(key, alias);
			return (value != null) ? nested("/" + key, () -> parser.apply(value)) : null;
		}

		<T> @Nullable T model(String key, Function<Map<String, ?>, T> parser) {
			Object value = raw(key, null);
			if (value == null) {
				return null;
			}
			if (!(value instanceof Map<?, ?> nestedMap)) {
				throw ProtocolValidationException.model("/" + key, key + " must be a mapping");
			}
			@SuppressWarnings("unchecked")
			Map<String, ?> typed = (Map<String, ?>) nestedMap;
			return nested("/" + key, () -> parser.apply(typed));
		}

	}

	/**
	 * Builds a canonical wire object: insertion-ordered, without nulls and without empty
	 * optional objects; enumerations and nested models are written as their wire forms,
	 * and a {@code long} that fits an {@code int} as an {@link Integer}, the type JSON
	 * parsers give it.
	 */
	static final class Emitter {

		private final Map<String, Object> map = new LinkedHashMap<>();

		Emitter put(String key, @Nullable Object value) {
			if (value instanceof WireValue wireValue) {
				this.map.put(key, wireValue.wireValue());
			}
			else if (value instanceof WireObject wireObject) {
				this.map.put(key, wireObject.toMap());
			}
			else if (value instanceof Long number && number == number.intValue()) {
				this.map.put(key, number.intValue());
			}
			else if (value != null) {
				this.map.put(key, value);
			}
			return this;
		}

		Emitter putIfNotEmpty(String key, Map<String, Object> value) {
			if (!value.isEmpty()) {
				this.map.put(key, value);
			}
			return this;
		}

		Map<String, Object> toMap() {
			return Collections.unmodifiableMap(this.map);
		}

	}

}
