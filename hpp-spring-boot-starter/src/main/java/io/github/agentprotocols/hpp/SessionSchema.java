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

import io.github.agentprotocols.hpp.wire.PythonTruthiness;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks the {@code schema} of a create request. The schema is kept verbatim; only
 * definitions the server could not use are refused.
 */
final class SessionSchema {

	private SessionSchema() {
	}

	/**
	 * Checks a schema.
	 * @param schema the {@code schema} of the request, or null
	 * @param limits the size limits
	 * @return the schema, an empty array when absent or null
	 * @throws HandshakeException (400) when the schema is unusable
	 */
	static ArrayNode check(@Nullable JsonNode schema, HandshakeSettings.Limits limits) {
		if (schema == null || schema.isNull()) {
			return JsonNodeFactory.instance.arrayNode();
		}
		if (!schema.isArray()) {
			throw HandshakeException.badRequest("schema must be an array");
		}
		if (schema.size() > limits.maxSchemaFields()) {
			throw HandshakeException.badRequest("schema has too many fields");
		}
		for (JsonNode field : schema) {
			if (!field.isObject()) {
				throw HandshakeException.badRequest("schema fields must be objects");
			}
			JsonNode key = field.get("key");
			if (key != null && !key.isString()) {
				throw HandshakeException.badRequest("schema field key must be a string");
			}
			if (key == null && PythonTruthiness.isTruthy(field.get("required"))) {
				throw HandshakeException.badRequest("required schema field needs a key");
			}
			JsonNode type = field.get("type");
			if (type != null && !type.isNull() && !type.isString()) {
				throw HandshakeException.badRequest("schema field type must be a string");
			}
			JsonNode options = field.get("options");
			if (options != null && !options.isNull() && !options.isArray()) {
				throw HandshakeException.badRequest("schema field options must be an array");
			}
		}
		return (ArrayNode) schema;
	}

}
