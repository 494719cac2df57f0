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

import java.util.Set;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of events (spec §2.6): the common fields, {@code type}, then the payload's
 * keys at the top level. Also the payload alone (the store's {@code payload} column) and
 * the strict {@link EventDraft}.
 */
final class EventJson {

	private static final Set<String> COMMON_KEYS = Set.of("id", "thread_id", "run_id", "author", "created_at",
			"metadata", "client_id", "type");

	private EventJson() {
	}

	static ObjectNode write(Event event) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("id", event.id());
		node.put("thread_id", event.threadId());
		node.put("run_id", event.runId());
		node.set("author", IdentityJson.write(event.author()));
		node.put("created_at", AcpTimestamps.format(event.createdAt()));
		node.set("metadata", JsonTrees.object(event.metadata()));
		node.put("client_id", event.clientId());
		node.put("type", event.type().wireName());
		node.setAll(writePayload(event.payload()));
		return node;
	}

	/**
	 * Reads an event as the server writes it. Keys that are neither common nor of the
	 * type's payload are ignored; an unknown type is rejected.
	 */
	static Event read(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "event");
		EventType type = EventType.fromWireName(fields.requiredString("type"));
		ObjectNode payload = JsonTrees.nodes.objectNode();
		node.forEachEntry((key, value) -> {
			if (!COMMON_KEYS.contains(key)) {
				payload.set(key, value);
			}
		});
		return new Event(fields.requiredString("id"), fields.requiredString("thread_id"),
				fields.optionalString("run_id"), IdentityJson.read(fields.required("author")),
				fields.requiredTimestamp("created_at"), fields.optionalObject("metadata"),
				fields.optionalString("client_id"), readPayload(type, payload, false));
	}

	static ObjectNode writePayload(EventPayload payload) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		if (payload instanceof EventPayload.Message message) {
			node.set("content", ContentPartJson.writeAll(message.content()));
		}
		else if (payload instanceof EventPayload.Reasoning reasoning) {
			node.put("content", reasoning.content());
		}
		else if (payload instanceof EventPayload.ToolCall call) {
			ObjectNode tool = node.putObject("tool");
			tool.put("id", call.id());
			tool.put("name", call.name());
			tool.set("arguments", JsonTrees.tree(call.arguments()));
		}
		else if (payload instanceof EventPayload.ToolResult result) {
			ObjectNode tool = node.putObject("tool");
			tool.put("id", result.id());
			tool.set("result", JsonTrees.tree(result.result()));
			tool.set("error", JsonTrees.tree(result.error()));
		}
		else if (payload instanceof EventPayload.ThreadCreated created) {
			ObjectNode thread = node.putObject("thread");
			thread.put("id", created.threadId());
			thread.set("tenant", IdentityJson.writeTenant(created.tenant()));
		}
		else if (payload instanceof EventPayload.MemberAdded added) {
			node.set("member", IdentityJson.write(added.member()));
		}
		else if (payload instanceof EventPayload.MemberRemoved removed) {
			node.set("member", IdentityJson.write(removed.member()));
		}
		else if (payload instanceof EventPayload.TenantChanged changed) {
			node.set("from", IdentityJson.writeTenant(changed.from()));
			node.set("to", IdentityJson.writeTenant(changed.to()));
		}
		else if (payload instanceof EventPayload.RunFailed failed) {
			node.set("error", RunJson.writeError(failed.error()));
		}
		return node;
	}

	/**
	 * Reads a payload of the given type.
	 * @param strict whether keys other than the payload's are rejected
	 */
	static EventPayload readPayload(EventType type, JsonNode node, boolean strict) {
		JsonFields fields = JsonFields.of(node, type.wireName());
		EventPayload payload = switch (type) {
			case MESSAGE -> new EventPayload.Message(ContentPartJson.readAll(fields.required("content")));
			case REASONING -> new EventPayload.Reasoning(fields.requiredString("content"));
			case TOOL_CALL -> {
				JsonFields tool = fields.requiredFields("tool");
				yield new EventPayload.ToolCall(tool.requiredString("id"), tool.requiredString("name"),
						tool.optionalValue("arguments"));
			}
			case TOOL_RESULT -> {
				JsonFields tool = fields.requiredFields("tool");
				yield new EventPayload.ToolResult(tool.requiredString("id"), tool.optionalValue("result"),
						tool.optionalObject("error"));
			}
			case THREAD_CREATED -> {
				JsonFields thread = fields.requiredFields("thread");
				yield new EventPayload.ThreadCreated(thread.requiredString("id"),
						IdentityJson.readTenant(thread.required("tenant")));
			}
			case THREAD_MEMBER_ADDED -> new EventPayload.MemberAdded(IdentityJson.read(fields.required("member")));
			case THREAD_MEMBER_REMOVED -> new EventPayload.MemberRemoved(IdentityJson.read(fields.required("member")));
			case THREAD_TENANT_CHANGED -> new EventPayload.TenantChanged(
					IdentityJson.readTenant(fields.required("from")), IdentityJson.readTenant(fields.required("to")));
			case RUN_STARTED -> new EventPayload.RunStarted();
			case RUN_COMPLETED -> new EventPayload.RunCompleted();
			case RUN_FAILED -> new EventPayload.RunFailed(RunJson.readError(fields.required("error")));
			case RUN_CANCELLED -> new EventPayload.RunCancelled();
		};
		if (strict) {
			fields.rejectUnknown();
		}
		return payload;
	}

	static EventDraft readDraft(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "draft");
		JsonNode content = fields.optional("content");
		if (content == null) {
			throw AcpException.invalidRequest("message draft must include content");
		}
		EventDraft draft = new EventDraft(fields.optionalString("client_id"), ContentPartJson.readAll(content),
				fields.optionalObject("metadata"));
		fields.rejectUnknown();
		return draft;
	}

}
