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

package io.github.agentprotocols.hpp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Validates an agent's value against a session's schema: the type check (built-in or a
 * custom {@link ValueValidator}), then for {@code enum} fields the options check with
 * JSON-typed equality.
 */
final class FieldValidation {

	private final ValueValidator validator;

	/**
	 * Creates a validation.
	 * @param validator the type check
	 */
	FieldValidation(ValueValidator validator) {
		this.validator = validator;
	}

	/**
	 * Validates a value.
	 * @param schema the session's schema
	 * @param key the field key
	 * @param value the value
	 * @return the error message, or null if the value is valid (or the key is not in the
	 * schema)
	 */
	public @Nullable String validate(ArrayNode schema, String key, JsonNode value) {
		JsonNode field = fieldOf(schema, key);
		if (field == null) {
			return null;
		}
		String type = typeOf(field);
		try {
			if (!this.validator.isValid(value, type, field)) {
				return "type mismatch, expected " + type;
			}
		}
		catch (RuntimeException ex) {
			return Hooks.messageOf(ex);
		}
		if ("enum".equals(type)) {
			List<JsonNode> options = optionValues(field);
			if (!options.isEmpty() && options.stream().noneMatch((option) -> jsonEquals(option, value))) {
				return "value not in allowed options " + PythonRepr.of(options);
			}
		}
		return null;
	}

	/**
	 * The first schema entry whose key equals the given key.
	 * @param schema the schema
	 * @param key the key
	 * @return the field definition, or null
	 */
	static @Nullable JsonNode fieldOf(ArrayNode schema, String key) {
		for (JsonNode field : schema) {
			JsonNode fieldKey = field.get("key");
			if (fieldKey != null && fieldKey.isString() && fieldKey.stringValue().equals(key)) {
				return field;
			}
		}
		return null;
	}

	private static String typeOf(JsonNode field) {
		JsonNode type = field.get("type");
		return (type != null && type.isString()) ? type.stringValue() : "string";
	}

	private static List<JsonNode> optionValues(JsonNode field) {
		List<JsonNode> values = new ArrayList<>();
		for (JsonNode option : field.path("options")) {
			values.add(option.isObject() ? option.path("value") : option);
		}
		return values;
	}

	static boolean jsonEquals(JsonNode a, JsonNode b) {
		if (a.isMissingNode()) {
			return b.isNull();
		}
		if (a.isNumber() && b.isNumber()) {
			return decimal(a).compareTo(decimal(b)) == 0;
		}
		if (a.isArray() && b.isArray()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (int i = 0; i < a.size(); i++) {
				if (!jsonEquals(a.get(i), b.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (a.isObject() && b.isObject()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (Map.Entry<String, JsonNode> entry : a.properties()) {
				JsonNode other = b.get(entry.getKey());
				if (other == null || !jsonEquals(entry.getValue(), other)) {
					return false;
				}
			}
			return true;
		}
		return a.equals(b);
	}

	private static BigDecimal decimal(JsonNode number) {
		return number.isFloatingPointNumber() && !number.isBigDecimal() ? BigDecimal.valueOf(number.doubleValue())
				: number.decimalValue();
	}

}
