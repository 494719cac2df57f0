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

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST {prefix}/session} (spec §4.1), checked: an absent {@code mode}
 * is {@code "default"}, absent {@code context} and {@code meta} are empty, and the schema
 * and the initial context stay within the size limits.
 *
 * @param mode the mode, any JSON
 * @param schema the field definitions
 * @param context the initial values
 * @param meta application metadata
 */
record CreateRequest(JsonNode mode, ArrayNode schema, ObjectNode context, ObjectNode meta) {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/**
	 * Reads and checks a create request body.
	 * @param body the request body
	 * @param limits the size limits
	 * @param fieldSizes the bounds of each context entry
	 * @return the request
	 * @throws HandshakeException (400) when the body is unusable
	 */
	static CreateRequest parse(ObjectNode body, HandshakeSettings.Limits limits, FieldSizeLimits fieldSizes) {
		JsonNode mode = body.has("mode") ? body.get("mode") : nodes.stringNode("default");
		ArrayNode schema = SessionSchema.check(body.get("schema"), limits);
		ObjectNode context = objectOrEmpty(body.get("context"), "context");
		ObjectNode meta = objectOrEmpty(body.get("meta"), "meta");
		if (context.size() > limits.maxFields()) {
			throw HandshakeException.badRequest("context has too many fields");
		}
		for (Map.Entry<String, JsonNode> entry : context.properties()) {
			String problem = fieldSizes.check(entry.getKey(), entry.getValue());
			if (problem != null) {
				throw HandshakeException.badRequest(problem + ": " + abbreviate(entry.getKey()));
			}
		}
		return new CreateRequest(mode, schema, context, meta);
	}

	private static ObjectNode objectOrEmpty(@Nullable JsonNode node, String name) {
		if (node == null || node.isNull()) {
			return nodes.objectNode();
		}
		if (!node.isObject()) {
			throw HandshakeException.badRequest(name + " must be an object");
		}
		return (ObjectNode) node;
	}

	private static String abbreviate(String key) {
		return (key.length() > 64) ? key.substring(0, 64) + "..." : key;
	}

}
