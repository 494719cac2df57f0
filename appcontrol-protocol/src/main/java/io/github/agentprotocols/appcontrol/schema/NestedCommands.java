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

import java.util.Set;

import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import tools.jackson.databind.JsonNode;

/**
 * What the validators refuse in the nested {@code command} of a service or helper request
 * beyond its open schema definition, which declares only {@code schema},
 * {@code commandId}, {@code tool} and {@code operation}: the values its lenient parse
 * ({@code ToolCommand.fromMap}) refuses other than by a model rule, so that the
 * validators, the models and the service host give such a request one verdict. An
 * explicit null {@code input} is refused as the {@code command} schema refuses it
 * ({@code type}); a {@code timeoutMs} (or its alias {@code timeout_ms}, read when
 * {@code timeoutMs} is absent) beyond the {@code long} range as the models cannot hold it
 * ({@code limit}, at {@code /command/timeoutMs}, where the model reports it).
 */
final class NestedCommands {

	/** The schemas whose {@code command} member is the open command definition. */
	private static final Set<String> ENVELOPES = Set.of("service_request", "helper_request");

	private NestedCommands() {
	}

	/**
	 * Refuses what the nested command's lenient parse refuses beyond the schema.
	 * @param schemaName the schema the payload was validated against
	 * @param payload the payload, which that schema accepts
	 * @throws ProtocolValidationException for a null {@code input} or a {@code timeoutMs}
	 * beyond the {@code long} range
	 */
	static void check(String schemaName, JsonNode payload) {
		JsonNode command = payload.get("command");
		if (!ENVELOPES.contains(schemaName) || command == null || !command.isObject()) {
			return;
		}
		JsonNode input = command.get("input");
		if (input != null && input.isNull()) {
			throw new ProtocolValidationException(schemaName, "/command/input", "type",
					"$.command.input must be an object");
		}
		JsonNode timeout = command.has("timeoutMs") ? command.get("timeoutMs") : command.get("timeout_ms");
		if (timeout != null && timeout.isIntegralNumber() && !timeout.canConvertToLong()) {
			throw ProtocolValidationException.outOfRange(schemaName, "/command/timeoutMs");
		}
	}

}
