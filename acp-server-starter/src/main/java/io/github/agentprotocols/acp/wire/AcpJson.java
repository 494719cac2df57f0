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

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadPatch;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON mapping of x64acp types: snake_case keys, W4 timestamps, explicit {@code null}
 * for absent optionals (W5), and per type the strictness of W7 (identities, content
 * parts, event drafts, thread patches and cursors reject unknown fields; the
 * thread-creation body and what the server sends ignore them). Every reading failure is
 * an {@link AcpException} with code {@code invalid_request}.
 * <p>
 * This mapping applies to ACP types only and never changes a global Jackson setting:
 * {@link #mapper()} is a mapper of ACP's own, and {@link AcpJacksonModule} adds the same
 * mapping to another mapper.
 */
public final class AcpJson {

	private static final JsonMapper mapper = JsonMapper.builder().addModule(new AcpJacksonModule()).build();

	private AcpJson() {
	}

	/**
	 * A JSON mapper that writes and reads ACP types.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return mapper;
	}

	/**
	 * Parses JSON text.
	 * @param json the text
	 * @return the tree
	 * @throws AcpException {@code invalid_request} for malformed JSON
	 */
	public static JsonNode parse(String json) {
		try {
			return mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw AcpException.invalidRequest("malformed JSON");
		}
	}

	/**
	 * Writes an ACP value as compact JSON text.
	 * @param value an ACP type, or a plain JSON value such as a metadata map
	 * @return the JSON text
	 */
	public static String write(@Nullable Object value) {
		return mapper.writeValueAsString(toTree(value));
	}

	/**
	 * Writes an ACP value as a JSON tree: an event, thread, member, run, run error,
	 * identity, tenant scope, content part, event payload (its keys only, as stored),
	 * event draft, page or cursor, or a plain JSON value.
	 * @param value the value
	 * @return the tree
	 */
	public static JsonNode toTree(@Nullable Object value) {
		if (value instanceof Event event) {
			return EventJson.write(event);
		}
		if (value instanceof AcpThread thread) {
			return ThreadJson.write(thread);
		}
		if (value instanceof ThreadMember member) {
			return ThreadJson.writeMember(member);
		}
		if (value instanceof Run run) {
			return RunJson.write(run);
		}
		if (value instanceof RunError error) {
			return RunJson.writeError(error);
		}
		if (value instanceof Identity identity) {
			return IdentityJson.write(identity);
		}
		if (value instanceof TenantScope tenant) {
			return IdentityJson.writeTenant(tenant);
		}
		if (value instanceof ContentPart part) {
			return ContentPartJson.write(part);
		}
		if (value instanceof EventPayload payload) {
			return EventJson.writePayload(payload);
		}
		if (value instanceof EventDraft draft) {
			return writeDraft(draft);
		}
		if (value instanceof Page<?> page) {
			return PageJson.write(page);
		}
		if (value instanceof Cursor cursor) {
			return PageJson.writeCursor(cursor);
		}
		return JsonTrees.tree(value);
	}

	private static ObjectNode writeDraft(EventDraft draft) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("client_id", draft.clientId());
		node.set("content", ContentPartJson.writeAll(draft.content()));
		node.set("metadata", JsonTrees.object(draft.metadata()));
		return node;
	}

	/**
	 * Reads an identity (strict; {@code role} required, {@code name} and {@code metadata}
	 * optional).
	 * @param node the JSON
	 * @return the identity
	 */
	public static Identity readIdentity(JsonNode node) {
		return IdentityJson.read(node);
	}

	/**
	 * Reads a tenant scope: an object whose values are all strings. Limits are checked
	 * where the scope is used for a thread.
	 * @param node the JSON
	 * @return the scope
	 */
	public static TenantScope readTenantScope(JsonNode node) {
		return IdentityJson.readTenant(node);
	}

	/**
	 * Reads a content part (strict; an unknown {@code type} is rejected).
	 * @param node the JSON
	 * @return the part
	 */
	public static ContentPart readContentPart(JsonNode node) {
		return ContentPartJson.read(node);
	}

	/**
	 * Reads an event draft (strict).
	 * @param node the JSON
	 * @return the draft
	 */
	public static EventDraft readEventDraft(JsonNode node) {
		return EventJson.readDraft(node);
	}

	/**
	 * Reads the body of {@code POST /threads}; unknown keys are ignored.
	 * @param node the JSON
	 * @return the tenant and metadata
	 */
	public static NewThread readNewThread(JsonNode node) {
		return ThreadJson.readNew(node);
	}

	/**
	 * Reads a thread patch (strict; at least one field).
	 * @param node the JSON
	 * @return the patch
	 */
	public static ThreadPatch readThreadPatch(JsonNode node) {
		return ThreadJson.readPatch(node);
	}

	/**
	 * Reads an event as the server writes it; an unknown {@code type} is rejected, other
	 * unknown keys are ignored.
	 * @param node the JSON
	 * @return the event
	 */
	public static Event readEvent(JsonNode node) {
		return EventJson.read(node);
	}

	/**
	 * Reads the payload of an event of the given type, as {@link #toTree} writes it
	 * (strict).
	 * @param type the event type
	 * @param node the payload's keys as a JSON object
	 * @return the payload
	 */
	public static EventPayload readEventPayload(EventType type, JsonNode node) {
		return EventJson.readPayload(type, node, true);
	}

	/**
	 * Reads a run error ({@code {code, message}}).
	 * @param node the JSON
	 * @return the error
	 */
	public static RunError readRunError(JsonNode node) {
		return RunJson.readError(node);
	}

	/**
	 * Reads a cursor ({@code {created_at, id}}, strict).
	 * @param node the JSON
	 * @return the cursor
	 */
	public static Cursor readCursor(JsonNode node) {
		return PageJson.readCursor(node);
	}

	/**
	 * Reads a thread as the server writes it.
	 * @param node the JSON
	 * @return the thread
	 */
	public static AcpThread readThread(JsonNode node) {
		return ThreadJson.read(node);
	}

	/**
	 * Reads a thread member as the server writes it.
	 * @param node the JSON
	 * @return the member
	 */
	public static ThreadMember readThreadMember(JsonNode node) {
		return ThreadJson.readMember(node);
	}

	/**
	 * Reads a run as the server writes it; the chain depth and parent, not on the wire,
	 * are 0 and {@code null}.
	 * @param node the JSON
	 * @return the run
	 */
	public static Run readRun(JsonNode node) {
		return RunJson.read(node);
	}

	/**
	 * Reads a JSON object as a plain Java map, such as a {@code metadata} object.
	 * @param node the JSON object
	 * @return the map
	 */
	public static java.util.Map<String, Object> readObject(JsonNode node) {
		if (!node.isObject()) {
			throw AcpException.invalidRequest("metadata must be a JSON object");
		}
		return JsonTrees.map(node);
	}

}
