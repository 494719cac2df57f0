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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prepares a schema document for compilation by replacing its free-form definitions with
 * equivalent, flat ones. {@code jsonValue} is a {@code oneOf} over the six JSON types
 * that recurses into arrays and objects, and {@code jsonObject} is an object whose values
 * are {@code jsonValue}s; every parsed JSON value satisfies them, so {@code jsonValue}
 * becomes a union of the six types and {@code jsonObject} a plain {@code object} type.
 * Accept and reject results are unchanged, while validation no longer walks every nested
 * value through six branches. The shipped documents keep the spec's definitions.
 */
final class FreeFormValues {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private FreeFormValues() {
	}

	static JsonNode flatten(JsonNode document) {
		JsonNode definitions = document.path("$defs");
		if (!definitions.has("jsonValue") && !definitions.has("jsonObject")) {
			return document;
		}
		ObjectNode copy = (ObjectNode) document.deepCopy();
		ObjectNode flatDefinitions = (ObjectNode) copy.get("$defs");
		if (flatDefinitions.has("jsonValue")) {
			ObjectNode anyType = nodes.objectNode();
			anyType.putArray("type").add("null").add("boolean").add("number").add("string").add("array").add("object");
			flatDefinitions.set("jsonValue", anyType);
		}
		if (flatDefinitions.has("jsonObject")) {
			flatDefinitions.set("jsonObject", nodes.objectNode().put("type", "object"));
		}
		return copy;
	}

}
