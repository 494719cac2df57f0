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

package io.github.agentprotocols.appcontrol.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.JsonPointers.Location;
import io.github.agentprotocols.appcontrol.JsonPointers;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.UnicodeText;
import io.github.agentprotocols.appcontrol.WireObject;
import io.github.agentprotocols.appcontrol.WireValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversions between parsed Java values and Jackson trees for validation, nesting at
 * most {@link AppControlJson#MAX_DEPTH} deep as the text parser allows: a deeper value,
 * or a map or tree that contains itself, is a {@link ProtocolValidationException} with
 * keyword {@code depth}, never a {@link StackOverflowError}.
 */
final class JsonTrees {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private JsonTrees() {
	}

	/**
	 * The tree of a parsed value: maps, collections, arrays, strings, booleans, numbers,
	 * null, Jackson nodes and the protocol's models and enumerations. Jackson nodes are
	 * taken as they are; {@link #toMap} checks their depth.
	 */
	static JsonNode toTree(String schemaName, @Nullable Object value) {
		return toTree(schemaName, value, Location.of(""), 1);
	}

	private static JsonNode toTree(String schemaName, @Nullable Object value, Location at, int depth) {
		if (value == null) {
			return nodes.nullNode();
		}
		if (value instanceof String text) {
			return nodes.stringNode(text);
		}
		if (value instanceof Boolean bool) {
			return nodes.booleanNode(bool);
		}
		if (value instanceof Number number) {
			return number(schemaName, number, at);
		}
		if (value instanceof WireValue wireValue) {
			return nodes.stringNode(wireValue.wireValue());
		}
		if (value instanceof WireObject wireObject) {
			return toTree(schemaName, wireObject.toMap(), at, depth);
		}
		if (value instanceof JsonNode node) {
			return node;
		}
		checkDepth(schemaName, at, depth);
		if (value instanceof Map<?, ?> map) {
			ObjectNode object = nodes.objectNode();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					throw typeError(schemaName, at, " keys must be strings");
				}
				object.set(key, toTree(schemaName, entry.getValue(), at.child(key), depth + 1));
			}
			return object;
		}
		if (value instanceof Collection<?> || value instanceof Object[]) {
			Collection<?> items = (value instanceof Object[] array) ? Arrays.asList(array) : (Collection<?>) value;
			ArrayNode array = nodes.arrayNode(items.size());
			for (Object item : items) {
				array.add(toTree(schemaName, item, at.child(array.size()), depth + 1));
			}
			return array;
		}
		throw typeError(schemaName, at, " must be a JSON value, got a " + value.getClass().getName());
	}

	private static JsonNode number(String schemaName, Number number, Location at) {
		if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
			return nodes.numberNode(number.intValue());
		}
		if (number instanceof Long) {
			return nodes.numberNode(number.longValue());
		}
		if (number instanceof BigInteger integer) {
			return nodes.numberNode(integer);
		}
		if (number instanceof BigDecimal decimal) {
			return nodes.numberNode(decimal);
		}
		if (number instanceof Double || number instanceof Float) {
			return nodes
				.numberNode((number instanceof Float) ? Double.parseDouble(number.toString()) : number.doubleValue());
		}
		throw typeError(schemaName, at, " must be a JSON number, got a " + number.getClass().getName());
	}

	private static ProtocolValidationException typeError(String schemaName, Location at, String problem) {
		String pointer = at.pointer();
		return new ProtocolValidationException(schemaName, pointer, "type", JsonPointers.toPath(pointer) + problem);
	}

	/**
	 * A tree as plain, mutable maps and lists, with Jackson's number types; an empty map
	 * for anything but an object.
	 */
	static Map<String, Object> toMap(String schemaName, JsonNode node) {
		return new TreeCopy(schemaName).toMap(node);
	}

	/**
	 * One copy of a tree into maps and lists, which notes whether the tree held only the
	 * JSON types (a tree built by hand may hold Jackson's binary or POJO nodes, which the
	 * copy turns into null).
	 */
	static final class TreeCopy {

		private final String schemaName;

		private boolean onlyJson = true;

		TreeCopy(String schemaName) {
			this.schemaName = schemaName;
		}

		/**
		 * The copy of a tree.
		 * @param node the tree
		 * @return its maps and lists; an empty map for anything but an object
		 * @throws ProtocolValidationException for a tree nested too deep, an array too,
		 * as the text parser refuses its text before anything else
		 */
		Map<String, Object> toMap(JsonNode node) {
			if (!node.isObject()) {
				checkNesting(node, Location.of(""), 1);
				this.onlyJson = false;
				return Map.of();
			}
			return object(node, Location.of(""), 1);
		}

		private void checkNesting(JsonNode node, Location at, int depth) {
			if (node.isContainer()) {
				checkDepth(this.schemaName, at, depth);
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					checkNesting(property.getValue(), at.child(property.getKey()), depth + 1);
				}
				for (int i = 0; node.isArray() && i < node.size(); i++) {
					checkNesting(node.get(i), at.child(i), depth + 1);
				}
			}
		}

		/**
		 * Whether the trees copied so far were JSON objects holding only JSON values.
		 * @return true if the copies are the trees' exact images
		 */
		boolean isExact() {
			return this.onlyJson;
		}

		private Map<String, Object> object(JsonNode node, Location at, int depth) {
			checkDepth(this.schemaName, at, depth);
			Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				UnicodeText.checkKey(this.schemaName, at, property.getKey());
				map.put(property.getKey(), value(property.getValue(), at, property.getKey(), depth + 1));
			}
			return map;
		}

		/**
		 * The copy of a member of an object or array; its location is made only for a
		 * nested container or a refusal.
		 */
		private @Nullable Object value(JsonNode node, Location container, Object token, int depth) {
			if (node.isObject()) {
				return object(node, container.child(token), depth);
			}
			if (node.isArray()) {
				Location at = container.child(token);
				checkDepth(this.schemaName, at, depth);
				List<@Nullable Object> list = new ArrayList<>(node.size());
				for (JsonNode item : node) {
					list.add(value(item, at, list.size(), depth + 1));
				}
				return list;
			}
			if (node.isString()) {
				UnicodeText.checkValue(this.schemaName, container, token, node.stringValue());
				return node.stringValue();
			}
			if (node.isNumber()) {
				return node.numberValue();
			}
			if (node.isBoolean()) {
				return node.booleanValue();
			}
			this.onlyJson &= node.isNull();
			return null;
		}

	}

	private static void checkDepth(String schemaName, Location at, int depth) {
		if (depth > AppControlJson.MAX_DEPTH) {
			throw ProtocolValidationException.tooDeep(schemaName, at.pointer());
		}
	}

}
