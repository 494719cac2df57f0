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

import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.ContentPart;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of content parts (spec §2.7): discriminated by {@code type}, strict, absent
 * optionals written as {@code null} (W5).
 */
final class ContentPartJson {

	private ContentPartJson() {
	}

	static ArrayNode writeAll(List<ContentPart> parts) {
		ArrayNode array = JsonTrees.nodes.arrayNode();
		parts.forEach((part) -> array.add(write(part)));
		return array;
	}

	static List<ContentPart> readAll(JsonNode node) {
		if (!node.isArray()) {
			throw AcpException.invalidRequest("content must be an array");
		}
		List<ContentPart> parts = new ArrayList<>(node.size());
		node.values().forEach((element) -> parts.add(read(element)));
		return parts;
	}

	static ObjectNode write(ContentPart part) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("type", part.type());
		if (part instanceof ContentPart.Text text) {
			node.put("text", text.text());
		}
		else if (part instanceof ContentPart.Image image) {
			writeMedia(node, image.url(), image.mime(), image.name(), image.size());
		}
		else if (part instanceof ContentPart.Audio audio) {
			writeMedia(node, audio.url(), audio.mime(), audio.name(), audio.size());
			node.put("duration_ms", audio.durationMs());
		}
		else if (part instanceof ContentPart.Document document) {
			writeMedia(node, document.url(), document.mime(), document.name(), document.size());
		}
		else if (part instanceof ContentPart.Form form) {
			node.put("form_id", form.formId());
			node.set("schema", JsonTrees.object(form.schema()));
			node.put("status", form.status().wireName());
			node.set("values", JsonTrees.tree(form.values()));
			node.put("answers_event_id", form.answersEventId());
			node.put("title", form.title());
			node.put("description", form.description());
		}
		return node;
	}

	private static void writeMedia(ObjectNode node, String url, String mime, @Nullable String name,
			@Nullable Long size) {
		node.put("url", url);
		node.put("mime", mime);
		node.put("name", name);
		node.put("size", size);
	}

	static ContentPart read(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "content part");
		String type = fields.requiredString("type");
		ContentPart part = switch (type) {
			case "text" -> new ContentPart.Text(fields.requiredString("text"));
			case "image" -> new ContentPart.Image(fields.requiredString("url"), fields.requiredString("mime"),
					fields.optionalString("name"), fields.optionalLong("size"));
			case "audio" -> new ContentPart.Audio(fields.requiredString("url"), fields.requiredString("mime"),
					fields.optionalString("name"), fields.optionalLong("size"), fields.optionalLong("duration_ms"));
			case "document" -> new ContentPart.Document(fields.requiredString("url"), fields.requiredString("mime"),
					fields.optionalString("name"), fields.optionalLong("size"));
			case "form" -> new ContentPart.Form(fields.requiredString("form_id"), fields.requiredObject("schema"),
					ContentPart.FormStatus.fromWireName(fields.requiredString("status")),
					fields.optionalObject("values"), fields.optionalString("answers_event_id"),
					fields.optionalString("title"), fields.optionalString("description"));
			default -> throw AcpException.invalidRequest("unknown content part type: " + type);
		};
		fields.rejectUnknown();
		return part;
	}

}
