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

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.agentprotocols.acp.AcpException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object, remembering which keys were read so that a strict
 * type can reject the others. An absent key and an explicit {@code null} both mean "not
 * provided" (W6). Every violation is an {@code invalid_request}.
 */
final class JsonFields {

	private final JsonNode node;

	private final String name;

	private final Set<String> read = new HashSet<>();

	private JsonFields(JsonNode node, String name) {
		this.node = node;
		this.name = name;
	}

	/**
	 * Starts reading an object.
	 * @param node the node
	 * @param name what the object is, for messages
	 * @return the reader
	 */
	static JsonFields of(@Nullable JsonNode node, String name) {
		if (node == null || !node.isObject()) {
			throw AcpException.invalidRequest(name + " must be a JSON object");
		}
		return new JsonFields(node, name);
	}

	@Nullable JsonNode optional(String key) {
		this.read.add(key);
		JsonNode value = this.node.get(key);
		return (value == null || value.isNull()) ? null : value;
	}

	JsonNode required(String key) {
		JsonNode value = optional(key);
		if (value == null) {
			throw invalid(key + " is required");
		}
		return value;
	}

	String requiredString(String key) {
		return string(key, required(key));
	}

	@Nullable String optionalString(String key) {
		JsonNode value = optional(key);
		return (value != null) ? string(key, value) : null;
	}

	@Nullable Long optionalLong(String key) {
		JsonNode value = optional(key);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw invalid(key + " must be an integer");
		}
		return value.longValue();
	}

	@Nullable Object optionalValue(String key) {
		JsonNode value = optional(key);
		return (value != null) ? JsonTrees.value(value) : null;
	}

	Map<String, Object> requiredObject(String key) {
		return object(key, required(key));
	}

	@Nullable Map<String, Object> optionalObject(String key) {
		JsonNode value = optional(key);
		return (value != null) ? object(key, value) : null;
	}

	JsonFields requiredFields(String key) {
		return of(required(key), this.name + "." + key);
	}

	Instant requiredTimestamp(String key) {
		return AcpTimestamps.parse(requiredString(key));
	}

	@Nullable Instant optionalTimestamp(String key) {
		String value = optionalString(key);
		return (value != null) ? AcpTimestamps.parse(value) : null;
	}

	/**
	 * Rejects every key that was not read, as strict types do (W7).
	 */
	void rejectUnknown() {
		for (String key : this.node.propertyNames()) {
			if (!this.read.contains(key)) {
				throw invalid("unknown field " + key);
			}
		}
	}

	private String string(String key, JsonNode value) {
		if (!value.isString()) {
			throw invalid(key + " must be a string");
		}
		return value.stringValue();
	}

	private Map<String, Object> object(String key, JsonNode value) {
		if (!value.isObject()) {
			throw invalid(key + " must be a JSON object");
		}
		return JsonTrees.map(value);
	}

	private AcpException invalid(String message) {
		return AcpException.invalidRequest(this.name + ": " + message);
	}

}
