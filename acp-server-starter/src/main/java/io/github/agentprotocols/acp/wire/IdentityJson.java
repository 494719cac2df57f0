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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of identities ({@code {role, id, name, metadata}}, strict) and tenant scopes
 * (an object of string values).
 */
final class IdentityJson {

	private IdentityJson() {
	}

	static ObjectNode write(Identity identity) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("role", identity.role().wireName());
		node.put("id", identity.id());
		node.put("name", identity.name());
		node.set("metadata", JsonTrees.object(identity.metadata()));
		return node;
	}

	static Identity read(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "identity");
		IdentityRole role = IdentityRole.fromWireName(fields.requiredString("role"));
		Identity identity = new Identity(role, fields.requiredString("id"), fields.optionalString("name"),
				fields.optionalObject("metadata"));
		fields.rejectUnknown();
		return identity;
	}

	static ObjectNode writeTenant(TenantScope tenant) {
		return JsonTrees.object(tenant.entries());
	}

	static TenantScope readTenant(JsonNode node) {
		if (!node.isObject()) {
			throw AcpException.invalidRequest("tenant must be a JSON object");
		}
		Map<String, String> entries = new LinkedHashMap<>();
		node.forEachEntry((key, value) -> {
			if (!value.isString()) {
				throw AcpException.invalidRequest("tenant value of " + key + " must be a string");
			}
			entries.put(key, value.stringValue());
		});
		return new TenantScope(entries);
	}

}
