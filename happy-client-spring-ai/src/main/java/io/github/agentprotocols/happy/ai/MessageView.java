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

package io.github.agentprotocols.happy.ai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.wire.HappyJson;
import org.jspecify.annotations.Nullable;

/**
 * A session's message as a tool shows it: its seq, role and text (the first text the
 * message holds, else its content as JSON), cut to a length an agent can read.
 */
public final class MessageView {

	static final int MAX_TEXT = 2000;

	private MessageView() {
	}

	/**
	 * The message as a tool shows it.
	 * @param message the message
	 * @return {@code seq}, {@code role} and {@code text}
	 */
	static Map<String, Object> of(Message message) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("seq", message.seq());
		view.put("role", message.role());
		view.put("text", text(message));
		return view;
	}

	/**
	 * The last messages, as a tool shows them.
	 * @param messages the messages, in seq order
	 * @param count how many to keep
	 * @return the views of the last {@code count}
	 */
	static List<Map<String, Object>> last(List<Message> messages, int count) {
		return messages.subList(Math.max(0, messages.size() - count), messages.size())
			.stream()
			.map(MessageView::of)
			.toList();
	}

	/**
	 * The message's text.
	 * @param message the message
	 * @return its first text, else its content as JSON; cut to {@value #MAX_TEXT}
	 * characters
	 */
	public static String text(Message message) {
		String text = firstText(message.content());
		if (text == null) {
			text = HappyJson.write(message.content().get("content"));
		}
		return (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) + "…" : text;
	}

	private static @Nullable String firstText(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			if (map.get("text") instanceof String text) {
				return text;
			}
			for (Object child : map.values()) {
				String text = firstText(child);
				if (text != null) {
					return text;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (Object child : list) {
				String text = firstText(child);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
