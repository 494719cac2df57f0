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
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

import io.github.agentprotocols.appcontrol.JsonPointers.Location;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Immutable copies of free-form JSON values ({@code input}, {@code metadata},
 * {@code observation}, {@code evidence}, {@code timing}, {@code data}).
 * <p>
 * Values are strings (without lone surrogates, see {@link UnicodeText}), booleans,
 * numbers ({@code NaN} and the infinities included, as Python reads them), null, lists
 * and maps with string keys, nested at most {@link AppControlJson#MAX_DEPTH} deep
 * (counted from the wire object's root, as the text parser counts; a map that contains
 * itself is infinitely deep). Numbers keep their form, so that a round trip writes them
 * back as they came: integers stay {@link Integer}, {@link Long} or {@link BigInteger},
 * and a number written with a fraction or exponent stays a {@link Double} or
 * {@link BigDecimal} ({@code 1.0} is not turned into {@code 1}). The copies compare as
 * the Python peers do, by value: {@code 1} equals {@code 1.0}.
 */
final class ImmutableJson {

	private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

	private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private static final Location ROOT = Location.of("");

	private ImmutableJson() {
	}

	/**
	 * An immutable copy of a JSON object.
	 * @param value the object; null gives an empty map
	 * @param pointer where the object sits, for error reports and the depth limit
	 * @return the copy, in the original key order
	 * @throws ProtocolValidationException if the value is not a JSON object or is nested
	 * too deep
	 */
	public static Map<String, Object> object(@Nullable Object value, String pointer) {
		Object plain = unwrap(value, pointer);
		if (plain == null) {
			return Map.of();
		}
		if (!(plain instanceof Map<?, ?> map)) {
			throw ProtocolValidationException.model(pointer, name(pointer) + " must be a mapping");
		}
		return copyObject(map, Location.of(pointer), depth(pointer));
	}

	/**
	 * An immutable copy of a JSON object that is a member of a wire object, such as its
	 * {@code input}.
	 * @param value the object; null gives an empty map
	 * @param name the member's name, such as {@code input}
	 * @return the copy, in the original key order
	 * @throws ProtocolValidationException if the value is not a JSON object or is nested
	 * too deep
	 */
	static Map<String, Object> member(@Nullable Object value, String name) {
		Object plain = unwrap(value, "/" + name);
		if (plain == null) {
			return Map.of();
		}
		Location at = ROOT.child(name);
		if (!(plain instanceof Map<?, ?> map)) {
			throw ProtocolValidationException.model(at.pointer(), name(at.pointer()) + " must be a mapping");
		}
		return copyObject(map, at, 2);
	}

	/**
	 * An immutable copy of any JSON value.
	 * @param value the value
	 * @param pointer where the value sits, for error reports and the depth limit
	 * @return the copy
	 * @throws ProtocolValidationException if the value is not JSON or is nested too deep
	 */
	public static @Nullable Object value(@Nullable Object value, String pointer) {
		return copy(value, Location.of(pointer), depth(pointer));
	}

	/** The depth of a container at {@code pointer}: 1 for the root. */
	private static int depth(String pointer) {
		int depth = 1;
		for (int i = 0; i < pointer.length(); i++) {
			if (pointer.charAt(i) == '/') {
				depth++;
			}
		}
		return depth;
	}

	/**
	 * The copy of a member of a container; its location is made only for a nested
	 * container or a refusal.
	 */
	private static @Nullable Object copy(@Nullable Object member, Location container, Object token, int depth) {
		Object value = (member instanceof JsonNode) ? unwrap(member, container.child(token).pointer()) : member;
		if (value instanceof String text) {
			UnicodeText.checkValue(null, container, token, text);
			return text;
		}
		if (value == null || value instanceof Boolean || value instanceof Integer) {
			return value;
		}
		return copy(value, container.child(token), depth);
	}

	private static @Nullable Object copy(@Nullable Object node, Location at, int depth) {
		Object value = (node instanceof JsonNode) ? unwrap(node, at.pointer()) : node;
		if (value instanceof Map<?, ?> map) {
			return copyObject(map, at, depth);
		}
		if (value instanceof Collection<?> collection) {
			return copyArray(collection, at, depth);
		}
		if (value instanceof Object[] array) {
			return copyArray(Arrays.asList(array), at, depth);
		}
		return scalar(value, at);
	}

	private static Map<String, Object> copyObject(Map<?, ?> map, Location at, int depth) {
		if (map instanceof JsonObject copied && depth + copied.height - 1 <= AppControlJson.MAX_DEPTH) {
			return copied;
		}
		checkDepth(at, depth);
		Map<String, Object> entries = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
		int height = 1;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw ProtocolValidationException.model(at.pointer(), name(at.pointer()) + " keys must be strings");
			}
			UnicodeText.checkKey(null, at, key);
			Object item = copy(entry.getValue(), at, key, depth + 1);
			entries.put(key, item);
			height = Math.max(height, 1 + height(item));
		}
		return new JsonObject(entries, height);
	}

	private static List<Object> copyArray(Collection<?> collection, Location at, int depth) {
		if (collection instanceof JsonArray copied && depth + copied.height - 1 <= AppControlJson.MAX_DEPTH) {
			return copied;
		}
		checkDepth(at, depth);
		Object[] items = new Object[collection.size()];
		int height = 1;
		int index = 0;
		for (Object item : collection) {
			items[index] = copy(item, at, index, depth + 1);
			height = Math.max(height, 1 + height(items[index]));
			index++;
		}
		return new JsonArray(items, height);
	}

	private static void checkDepth(Location at, int depth) {
		if (depth > AppControlJson.MAX_DEPTH) {
			throw ProtocolValidationException.tooDeep(null, at.pointer());
		}
	}

	/**
	 * A Jackson node as the Java value a parser gives for it, one level deep: an object
	 * node is a map of its members' nodes, an array node a list of its items' nodes, so
	 * that a node inside a map is read as the validators read it.
	 * @param value any value; anything but a node is returned as it is
	 * @param pointer where the value sits, for the refusal of a node that is not JSON
	 * @return the value
	 * @throws ProtocolValidationException for a binary or POJO node
	 */
	static @Nullable Object unwrap(@Nullable Object value, String pointer) {
		if (!(value instanceof JsonNode node)) {
			return value;
		}
		if (node.isObject()) {
			Map<String, Object> members = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
			node.properties().forEach((property) -> members.put(property.getKey(), property.getValue()));
			return members;
		}
		if (node.isArray()) {
			return new ArrayList<Object>(node.values());
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		throw ProtocolValidationException.model(pointer, name(pointer) + " must be a JSON value");
	}

	private static int height(@Nullable Object value) {
		if (value instanceof JsonObject object) {
			return object.height;
		}
		return (value instanceof JsonArray array) ? array.height : 0;
	}

	private static @Nullable Object scalar(@Nullable Object value, Location at) {
		if (value instanceof String text) {
			UnicodeText.checkValue(null, at.pointer(), text);
			return text;
		}
		if (value == null || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Number number) {
			return number(number, at);
		}
		throw ProtocolValidationException.model(at.pointer(), name(at.pointer()) + " must be a JSON value");
	}

	private static Number number(Number number, Location at) {
		if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
			return number.intValue();
		}
		if (number instanceof Long) {
			long value = number.longValue();
			return (value == (int) value) ? Integer.valueOf((int) value) : number;
		}
		if (number instanceof BigInteger) {
			return integral(new BigInteger(number.toString()));
		}
		if (number instanceof Double || number instanceof Float) {
			return (number instanceof Float) ? Double.valueOf(number.toString()) : number;
		}
		if (number instanceof BigDecimal) {
			return number;
		}
		throw ProtocolValidationException.model(at.pointer(), name(at.pointer()) + " must be a JSON number");
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

	/**
	 * A copied object: insertion-ordered, unmodifiable, equal by value.
	 */
	private static final class JsonObject extends AbstractMap<String, Object> {

		private final Map<String, Object> entries;

		private final int height;

		JsonObject(Map<String, Object> entries, int height) {
			this.entries = Collections.unmodifiableMap(entries);
			this.height = height;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return this.entries.entrySet();
		}

		@Override
		public int size() {
			return this.entries.size();
		}

		@Override
		public boolean containsKey(Object key) {
			return this.entries.containsKey(key);
		}

		@Override
		public @Nullable Object get(Object key) {
			return this.entries.get(key);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other == this || (other instanceof Map<?, ?> map && JsonEquality.mapsEqual(this, map));
		}

		@Override
		public int hashCode() {
			return JsonEquality.hash(this);
		}

	}

	/**
	 * A copied array: unmodifiable, equal by value.
	 */
	private static final class JsonArray extends AbstractList<Object> implements RandomAccess {

		private final Object[] items;

		private final int height;

		JsonArray(Object[] items, int height) {
			this.items = items;
			this.height = height;
		}

		@Override
		public Object get(int index) {
			return this.items[index];
		}

		@Override
		public int size() {
			return this.items.length;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other == this || (other instanceof List<?> list && JsonEquality.listsEqual(this, list));
		}

		@Override
		public int hashCode() {
			return JsonEquality.hash(this);
		}

	}

}
