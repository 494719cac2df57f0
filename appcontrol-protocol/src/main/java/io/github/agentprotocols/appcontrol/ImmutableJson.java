package io.github.agentprotocols.appcontrol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Immutable copies of free-form JSON values ({@code input}, {@code metadata},
 * {@code observation}, {@code evidence}, {@code timing}, {@code data}).
 * <p>
 * Values are strings, booleans, numbers, null, lists and maps with string keys, nested
 * arbitrarily. Numbers are normalized so that equality is by mathematical value: an
 * integral value becomes an {@link Integer}, {@link Long} or {@link BigInteger} (so
 * {@code 1.0} equals {@code 1}); any other value becomes a {@link Double}.
 */
public final class ImmutableJson {

	private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

	private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private ImmutableJson() {
	}

	/**
	 * An immutable, normalized copy of a JSON object.
	 * @param value the object; null gives an empty map
	 * @param pointer where the object sits, for error reports
	 * @return the copy, in the original key order
	 * @throws ProtocolValidationException if the value is not a JSON object
	 */
	public static Map<String, Object> object(@Nullable Object value, String pointer) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw ProtocolValidationException.model(pointer, name(pointer) + " must be a mapping");
		}
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, item) -> {
			if (!(key instanceof String name)) {
				throw ProtocolValidationException.model(pointer, name(pointer) + " keys must be strings");
			}
			copy.put(name, value(item, JsonPointers.child(pointer, name)));
		});
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * An immutable, normalized copy of any JSON value.
	 * @param value the value
	 * @param pointer where the value sits, for error reports
	 * @return the copy
	 * @throws ProtocolValidationException if the value is not JSON
	 */
	public static @Nullable Object value(@Nullable Object value, String pointer) {
		if (value == null || value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Number number) {
			return number(number, pointer);
		}
		if (value instanceof Map<?, ?>) {
			return object(value, pointer);
		}
		if (value instanceof Collection<?> collection) {
			List<Object> copy = new ArrayList<>(collection.size());
			for (Object item : collection) {
				copy.add(value(item, JsonPointers.child(pointer, copy.size())));
			}
			return Collections.unmodifiableList(copy);
		}
		if (value instanceof Object[] array) {
			return value(Arrays.asList(array), pointer);
		}
		throw ProtocolValidationException.model(pointer, name(pointer) + " must be a JSON value");
	}

	private static Number number(Number number, String pointer) {
		if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
			return number.intValue();
		}
		if (number instanceof Long || number instanceof BigInteger) {
			return integral(new BigInteger(number.toString()));
		}
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				throw ProtocolValidationException.model(pointer, name(pointer) + " must be a finite number");
			}
			return decimal(new BigDecimal(number.toString()));
		}
		if (number instanceof BigDecimal decimal) {
			return decimal(decimal);
		}
		throw ProtocolValidationException.model(pointer, name(pointer) + " must be a JSON number");
	}

	private static Number decimal(BigDecimal decimal) {
		BigDecimal stripped = decimal.stripTrailingZeros();
		if (stripped.scale() <= 0) {
			return integral(stripped.toBigIntegerExact());
		}
		return decimal.doubleValue();
	}

	private static Number integral(BigInteger value) {
		if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
			return value.intValue();
		}
		if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
			return value.longValue();
		}
		return value;
	}

	private static String name(String pointer) {
		return pointer.isEmpty() ? "payload" : pointer.substring(pointer.lastIndexOf('/') + 1);
	}

}
