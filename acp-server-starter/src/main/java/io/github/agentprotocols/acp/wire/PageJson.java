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

import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of pages ({@code {items, next_cursor}}) and cursors ({@code {created_at, id}},
 * strict), spec §2.9.
 */
final class PageJson {

	private PageJson() {
	}

	static ObjectNode write(Page<?> page) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		ArrayNode items = node.putArray("items");
		page.items().forEach((item) -> items.add(AcpJson.toTree(item)));
		node.set("next_cursor",
				(page.nextCursor() != null) ? writeCursor(page.nextCursor()) : JsonTrees.nodes.nullNode());
		return node;
	}

	static ObjectNode writeCursor(Cursor cursor) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("created_at", AcpTimestamps.format(cursor.createdAt()));
		node.put("id", cursor.id());
		return node;
	}

	static Cursor readCursor(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "cursor");
		Cursor cursor = new Cursor(fields.requiredTimestamp("created_at"), fields.requiredString("id"));
		fields.rejectUnknown();
		return cursor;
	}

}
