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

package io.github.agentprotocols.acp.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversions between Jackson trees and the plain Java JSON values of the domain types
 * ({@code Map}, {@code List}, {@code String}, {@code Boolean}, numbers, {@code null}).
 */
final class JsonTrees {

	static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private JsonTrees() {
	}

	static ObjectNode object(Map<String, ?> map) {
		ObjectNode node = nodes.objectNode();
		map.forEach((key, value) -> node.set(key, tree(value)));
		return node;
	}

	static JsonNode tree(@Nullable Object value) {
		if (value == null) {
			return nodes.nullNode();
		}
		if (value instanceof String string) {
			return nodes.stringNode(string);
		}
		if (value instanceof Boolean bool) {
			return nodes.booleanNode(bool);
		}
		if (value instanceof Long number) {
			return nodes.numberNode(number);
		}
		if (value instanceof Integer number) {
			return nodes.numberNode(number);
		}
		if (value instanceof Double number) {
			return nodes.numberNode(number);
		}
		if (value instanceof BigDecimal number) {
			return nodes.numberNode(number);
		}
		if (value instanceof BigInteger number) {
			return nodes.numberNode(number);
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode node = nodes.objectNode();
			map.forEach((key, element) -> node.set((String) key, tree(element)));
			return node;
		}
		if (value instanceof List<?> list) {
			ArrayNode node = nodes.arrayNode();
			list.forEach((element) -> node.add(tree(element)));
			return node;
		}
		throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
	}

	static Map<String, Object> map(JsonNode object) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		object.forEachEntry((key, value) -> map.put(key, value(value)));
		return map;
	}

	static @Nullable Object value(JsonNode node) {
		if (node.isObject()) {
			return map(node);
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			node.values().forEach((element) -> list.add(value(element)));
			return list;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
		}
		if (node.isBigDecimal()) {
			return node.decimalValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		return null;
	}

}
