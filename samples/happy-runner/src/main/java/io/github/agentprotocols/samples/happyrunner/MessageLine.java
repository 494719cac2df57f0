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

package io.github.agentprotocols.samples.happyrunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.Message;
import org.jspecify.annotations.Nullable;

/**
 * One line of progress for a session's message (spec §7.4): a user prompt, a
 * session-protocol event of the agent (text, tool call, turn start and end, ...), or
 * legacy agent output.
 */
public final class MessageLine {

	private MessageLine() {
	}

	/**
	 * Describe a message in one line.
	 * @param message the decrypted message
	 * @return the line, such as {@code agent: Hello} or
	 * {@code tool call: Bash (List files)}
	 */
	public static String of(Message message) {
		Map<String, Object> content = message.content();
		Object body = content.get("content");
		String line = switch (message.role()) {
			case "user" -> "user: " + text(body);
			case "session" -> (body instanceof Map<?, ?> event) ? sessionEvent(event) : null;
			case "agent" -> (body instanceof Map<?, ?> output) ? agentOutput(output) : null;
			default -> null;
		};
		return (line != null) ? oneLine(line) : message.role() + " message " + message.seq();
	}

	private static @Nullable String sessionEvent(Map<?, ?> event) {
		if (!(event.get("ev") instanceof Map<?, ?> ev)) {
			return null;
		}
		String who = "user".equals(event.get("role")) ? "user" : "agent";
		return switch (String.valueOf(ev.get("t"))) {
			case "text" ->
				(Boolean.TRUE.equals(ev.get("thinking")) ? who + " thinking: " : who + ": ") + string(ev.get("text"));
			case "service" -> "service: " + string(ev.get("text"));
			case "tool-call-start" -> "tool call: " + string(ev.get("name"))
					+ ((ev.get("title") != null) ? " (" + ev.get("title") + ")" : "");
			case "tool-call-end" -> "tool call done: " + string(ev.get("call"));
			case "file" -> "file: " + string(ev.get("name"));
			case "turn-start" -> "turn started";
			case "turn-end" -> "turn ended: " + string(ev.get("status"));
			case "start" -> "session started";
			case "stop" -> "session stopped";
			default -> "event: " + ev.get("t");
		};
	}

	private static @Nullable String agentOutput(Map<?, ?> output) {
		Object data = output.get("data");
		Map<?, ?> fields = (data instanceof Map<?, ?> map) ? map : Map.of();
		return switch (String.valueOf(output.get("type"))) {
			case "output" -> claudeLine(fields);
			case "event" -> "ready".equals(fields.get("type")) ? "agent ready"
					: "event: " + string((fields.get("message") != null) ? fields.get("message") : fields.get("type"));
			case "codex", "acp" -> output.get("type") + ": " + string(fields.get("type"));
			default -> null;
		};
	}

	private static String claudeLine(Map<?, ?> line) {
		if (!"assistant".equals(line.get("type")) || !(line.get("message") instanceof Map<?, ?> message
				&& message.get("content") instanceof List<?> parts)) {
			return "claude: " + string(line.get("type"));
		}
		List<String> said = new ArrayList<>();
		for (Object part : parts) {
			if (part instanceof Map<?, ?> item) {
				if ("tool_use".equals(item.get("type"))) {
					said.add("tool call: " + string(item.get("name")));
				}
				else if ("text".equals(item.get("type"))) {
					said.add("agent: " + string(item.get("text")));
				}
			}
		}
		return said.isEmpty() ? "claude: assistant" : String.join("; ", said);
	}

	private static String text(@Nullable Object body) {
		return (body instanceof Map<?, ?> map) ? string(map.get("text")) : string(body);
	}

	private static String string(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static String oneLine(String line) {
		return line.strip().replaceAll("\\s+", " ");
	}

}
