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

import java.util.Map;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadPatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of threads (spec §2.3), their members (§2.4), the body that creates a thread
 * (lenient: unknown keys ignored) and the strict {@link ThreadPatch}.
 */
final class ThreadJson {

	private ThreadJson() {
	}

	static ObjectNode write(AcpThread thread) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("id", thread.id());
		node.set("tenant", IdentityJson.writeTenant(thread.tenant()));
		node.set("metadata", JsonTrees.object(thread.metadata()));
		node.put("created_at", AcpTimestamps.format(thread.createdAt()));
		node.put("updated_at", AcpTimestamps.format(thread.updatedAt()));
		return node;
	}

	static AcpThread read(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "thread");
		return new AcpThread(fields.requiredString("id"), IdentityJson.readTenant(fields.required("tenant")),
				fields.optionalObject("metadata"), fields.requiredTimestamp("created_at"),
				fields.requiredTimestamp("updated_at"));
	}

	static NewThread readNew(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "body");
		JsonNode tenant = fields.optional("tenant");
		return new NewThread((tenant != null) ? IdentityJson.readTenant(tenant) : null,
				fields.optionalObject("metadata"));
	}

	static ThreadPatch readPatch(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "patch");
		JsonNode tenant = fields.optional("tenant");
		Map<String, Object> metadata = fields.optionalObject("metadata");
		fields.rejectUnknown();
		return new ThreadPatch((tenant != null) ? IdentityJson.readTenant(tenant) : null, metadata);
	}

	static ObjectNode writeMember(ThreadMember member) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("thread_id", member.threadId());
		node.put("identity_id", member.identityId());
		node.set("identity", IdentityJson.write(member.identity()));
		node.put("role", member.role());
		node.put("added_at", AcpTimestamps.format(member.addedAt()));
		node.set("added_by", IdentityJson.write(member.addedBy()));
		return node;
	}

	static ThreadMember readMember(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "member");
		return new ThreadMember(fields.requiredString("thread_id"), fields.requiredString("identity_id"),
				IdentityJson.read(fields.required("identity")), fields.requiredString("role"),
				fields.requiredTimestamp("added_at"), IdentityJson.read(fields.required("added_by")));
	}

}
