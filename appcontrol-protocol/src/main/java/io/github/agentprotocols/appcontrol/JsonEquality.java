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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Equality of free-form JSON values as the Python peers see it: deep, with numbers equal
 * when their mathematical values are ({@code 1} equals {@code 1.0}), whatever their Java
 * types. Hash codes agree with it.
 */
final class JsonEquality {

	private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private JsonEquality() {
	}

	static boolean equal(@Nullable Object left, @Nullable Object right) {
		if (left == right) {
			return true;
		}
		if (left instanceof Number x && right instanceof Number y) {
			return numbersEqual(x, y);
		}
		if (left instanceof Map<?, ?> x && right instanceof Map<?, ?> y) {
			return mapsEqual(x, y);
		}
		if (left instanceof List<?> x && right instanceof List<?> y) {
			return listsEqual(x, y);
		}
		return left != null && left.equals(right);
	}

	static boolean mapsEqual(Map<?, ?> left, Map<?, ?> right) {
		if (left.size() != right.size()) {
			return false;
		}
		for (Map.Entry<?, ?> entry : left.entrySet()) {
			Object other = right.get(entry.getKey());
			if (other == null && !right.containsKey(entry.getKey()) || !equal(entry.getValue(), other)) {
				return false;
			}
		}
		return true;
	}

	static boolean listsEqual(List<?> left, List<?> right) {
		if (left.size() != right.size()) {
			return false;
		}
		Iterator<?> others = right.iterator();
		for (Object item : left) {
			if (!equal(item, others.next())) {
				return false;
			}
		}
		return true;
	}

	static int hash(@Nullable Object value) {
		if (value instanceof Number number) {
			return numberHash(number);
		}
		if (value instanceof Map<?, ?> map) {
			int hash = 0;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				hash += Objects.hashCode(entry.getKey()) ^ hash(entry.getValue());
			}
			return hash;
		}
		if (value instanceof List<?> list) {
			int hash = 1;
			for (Object item : list) {
				hash = 31 * hash + hash(item);
			}
			return hash;
		}
		return Objects.hashCode(value);
	}

	private static boolean numbersEqual(Number left, Number right) {
		if (isIntegral(left) && isIntegral(right)) {
			return left.longValue() == right.longValue();
		}
		if (left instanceof Double && right instanceof Double) {
			double x = left.doubleValue();
			double y = right.doubleValue();
			return x == y || (Double.isNaN(x) && Double.isNaN(y));
		}
		BigDecimal x = exact(left);
		BigDecimal y = exact(right);
		return (x != null && y != null) ? x.compareTo(y) == 0 : left.equals(right);
	}

	private static int numberHash(Number number) {
		if (isIntegral(number)) {
			return Long.hashCode(number.longValue());
		}
		BigDecimal value = exact(number);
		if (value == null) {
			return number.hashCode();
		}
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() <= 0 && stripped.compareTo(LONG_MIN) >= 0 && stripped.compareTo(LONG_MAX) <= 0) {
			return Long.hashCode(stripped.longValue());
		}
		return stripped.hashCode();
	}

	private static boolean isIntegral(Number number) {
		return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte;
	}

	/**
	 * The exact value of a number, or null for one that has none (NaN, infinities, or a
	 * type of number this class does not know).
	 */
	private static @Nullable BigDecimal exact(Number number) {
		if (isIntegral(number)) {
			return BigDecimal.valueOf(number.longValue());
		}
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			return Double.isFinite(value) ? new BigDecimal(value) : null;
		}
		return null;
	}

}
