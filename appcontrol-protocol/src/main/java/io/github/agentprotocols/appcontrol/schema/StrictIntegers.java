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

import java.util.Map;

import io.github.agentprotocols.appcontrol.JsonPointers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one rule the validator library relaxes, applied before it runs: draft 2020-12 lets
 * {@code 1000.0} pass as an {@code integer}, while the protocol requires integers written
 * without a fraction or exponent. Such a number where the schema declares an
 * {@code integer} is replaced, in a copy of the instance, by a string, so that the
 * library reports it with keyword {@code type} ("must be an integer") in its usual order.
 * This also keeps numbers beyond the {@code long} range ({@code 1e308}) away from the
 * library's {@code minimum} check, which cannot compare them. Follows {@code properties}
 * and local {@code $ref}s, the only places the schemas declare integers.
 */
final class StrictIntegers {

	private StrictIntegers() {
	}

	/**
	 * The instance, or a copy of it with each non-integral number in an integer position
	 * replaced by its text.
	 */
	static JsonNode mark(JsonNode document, JsonNode instance) {
		return mark(document, document, instance);
	}

	private static JsonNode mark(JsonNode document, JsonNode schema, JsonNode instance) {
		JsonNode resolved = resolve(document, schema);
		if ("integer".equals(resolved.path("type").asString(null)) && instance.isNumber()
				&& !instance.isIntegralNumber()) {
			return JsonNodeFactory.instance.stringNode(instance.asString());
		}
		JsonNode properties = resolved.path("properties");
		if (!instance.isObject() || !properties.isObject()) {
			return instance;
		}
		ObjectNode copy = null;
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			JsonNode value = instance.get(property.getKey());
			if (value != null) {
				JsonNode marked = mark(document, property.getValue(), value);
				if (marked != value) {
					copy = (copy != null) ? copy : ((ObjectNode) instance).objectNode().setAll((ObjectNode) instance);
					copy.set(property.getKey(), marked);
				}
			}
		}
		return (copy != null) ? copy : instance;
	}

	/**
	 * The pointer of the first integer beyond the {@code long} range where the schema
	 * declares an {@code integer} ({@code timeoutMs}, {@code seq}), which the models
	 * cannot hold: the validators refuse it as they do.
	 * @return the pointer, or null if there is none
	 */
	static @Nullable String beyondLong(JsonNode document, JsonNode instance) {
		return beyondLong(document, document, instance, "");
	}

	private static @Nullable String beyondLong(JsonNode document, JsonNode schema, JsonNode instance, String pointer) {
		JsonNode resolved = resolve(document, schema);
		if ("integer".equals(resolved.path("type").asString(null)) && instance.isIntegralNumber()
				&& !instance.canConvertToLong()) {
			return pointer;
		}
		JsonNode properties = resolved.path("properties");
		if (!instance.isObject() || !properties.isObject()) {
			return null;
		}
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			JsonNode value = instance.get(property.getKey());
			String found = (value != null)
					? beyondLong(document, property.getValue(), value, JsonPointers.child(pointer, property.getKey()))
					: null;
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString(null);
		return (ref != null && ref.startsWith("#/")) ? resolve(document, document.at(ref.substring(1))) : schema;
	}

}
