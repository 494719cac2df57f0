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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.wire.HppJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of a session that never change once it is stored, as its hash keeps them in
 * {@code d} ({@link SessionCodec#putFixed}).
 *
 * @param id the session id
 * @param token the handshake token
 * @param mode the mode
 * @param schema the field definitions
 * @param meta the application's metadata
 * @param owner the owner, or {@code null} for none
 * @param createdAt when the session was created
 * @param deadline the session's deadline
 * @param required the schema's required keys, each followed by the key as JSON, for
 * scripts that name the keys still empty
 */
record FixedPart(String id, String token, JsonNode mode, ArrayNode schema, ObjectNode meta, @Nullable String owner,
		Instant createdAt, Instant deadline, List<String> required) {

	/**
	 * Reads the fixed part's JSON.
	 * @param json the JSON text
	 * @return the fixed part
	 */
	static FixedPart read(String json) {
		JsonNode state = HppJson.read(json);
		ArrayNode schema = (ArrayNode) state.get("schema");
		return new FixedPart(state.get("id").stringValue(), state.get("token").stringValue(), state.get("mode"), schema,
				(ObjectNode) state.get("meta"), owner(state), Instant.parse(state.get("createdAt").stringValue()),
				Instant.parse(state.get("deadline").stringValue()), required(schema));
	}

	/**
	 * The required keys of a schema, as {@link HandshakeSession#missing} names them, each
	 * followed by the key as JSON.
	 */
	private static List<String> required(ArrayNode schema) {
		List<String> required = new ArrayList<>();
		for (JsonNode field : schema) {
			JsonNode key = field.get("key");
			if (key != null && key.isString() && field.path("required").isBoolean()
					&& field.path("required").booleanValue()) {
				required.add(key.stringValue());
				required.add(HppJson.write(key));
			}
		}
		return List.copyOf(required);
	}

	/**
	 * The owner named by a fixed part's JSON.
	 * @param json the JSON text, or an empty string for no session
	 * @return the owner, or {@code null} for none
	 */
	static @Nullable String owner(String json) {
		return json.isEmpty() ? null : owner(HppJson.read(json));
	}

	private static @Nullable String owner(JsonNode state) {
		JsonNode owner = state.get("owner");
		return (owner == null || owner.isNull()) ? null : owner.stringValue();
	}

}
