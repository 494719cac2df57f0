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

	static String text(@Nullable String value, String field) {
		String stripped = (value != null) ? value.strip() : "";
		if (stripped.isEmpty()) {
			throw ProtocolValidationException.model("/" + field, field + " must be a non-empty string");
		}
		return stripped;
	}

	static @Nullable String optionalText(@Nullable String value, String field) {
		return (value != null) ? text(value, field) : null;
	}

	static Map<String, Object> object(@Nullable Map<String, ?> value, String field) {
		return ImmutableJson.object(value, "/" + field);
	}

	static String schema(@Nullable String value, String constant, String kind) {
		if (value == null) {
			return constant;
		}
		if (!value.equals(constant)) {
			throw ProtocolValidationException.model("/schema", "unsupported " + kind + " schema: " + value);
		}
		return value;
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

	static Reader read(@Nullable Map<String, ?> map) {
		if (map == null) {
			throw ProtocolValidationException.model("", "payload must be a mapping");
		}
		return new Reader(map);
	}

	static Emitter emit() {
		return new Emitter();
	}

	/**
	 * Lenient reads of one wire object: camelCase key first, snake_case alias second,
	 * null meaning absent.
	 */
	static final class Reader {

		private final Map<String, ?> map;

		private Reader(Map<String, ?> map) {
			this.map = map;
		}

		@Nullable Object raw(String key, @Nullable String alias) {
			Object value = this.map.get(key);
			if (value == null && alias != null) {
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

		@Nullable Integer integer(String key, @Nullable String alias) {
			Object value = raw(key, alias);
			if (value == null) {
				return null;
			}
			if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
					|| value instanceof BigInteger) {
				BigInteger big = new BigInteger(value.toString());
				if (big.bitLength() < 32) {
					return big.intValue();
				}
				throw ProtocolValidationException.model("/" + key, key + " is out of range");
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
			return ImmutableJson.object(raw(key, null), "/" + key);
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
	 * optional objects; enumerations and nested models are written as their wire forms.
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
