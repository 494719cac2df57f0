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

package io.github.agentprotocols.hpp.redis;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.hpp.wire.HppJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The propagation fields of a message through Redis, as its {@code "trace"} object: a
 * message without one (sent without tracing, or by an older version) has none.
 */
final class TraceFields {

	private static final String FIELD = "trace";

	private TraceFields() {
	}

	/**
	 * A message with the fields.
	 * @param message the message, left unchanged
	 * @param fields the propagation fields
	 * @return the message itself if there are no fields, else a copy with them
	 */
	static ObjectNode with(ObjectNode message, Map<String, String> fields) {
		if (fields.isEmpty()) {
			return message;
		}
		ObjectNode copy = message.deepCopy();
		ObjectNode trace = copy.putObject(FIELD);
		fields.forEach(trace::put);
		return copy;
	}

	/**
	 * A message with the fields, written as JSON.
	 * @param message the message, left unchanged
	 * @param fields the propagation fields
	 * @return the JSON text
	 */
	static String write(ObjectNode message, Map<String, String> fields) {
		return HppJson.write(with(message, fields));
	}

	/**
	 * Takes the fields out of a message.
	 * @param message the message, without its fields afterwards
	 * @return the fields, empty if none
	 */
	static Map<String, String> remove(ObjectNode message) {
		JsonNode trace = message.remove(FIELD);
		Map<String, String> fields = new LinkedHashMap<>();
		if (trace != null && trace.isObject()) {
			trace.properties().forEach((field) -> {
				if (field.getValue().isString()) {
					fields.put(field.getKey(), field.getValue().stringValue());
				}
			});
		}
		return fields;
	}

}
