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

package io.github.agentprotocols.acp.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.IdentityRole;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * The model's history: a thread's events as Spring AI messages. A {@code message} by a
 * user is a {@link UserMessage}, by an assistant an {@link AssistantMessage}, by a system
 * identity a {@link SystemMessage}; text parts are joined by blank lines and other parts
 * become a line naming their type and URL. The {@code tool.call} events of a run join the
 * assistant message before them (or make one) as its tool calls and their
 * {@code tool.result} events become a {@link ToolResponseMessage}. A call without a
 * result in the window, or a result without its call, is left out, since models refuse
 * them. Reasoning, run and thread events are not part of the history.
 */
final class ThreadHistory {

	private ThreadHistory() {
	}

	/**
	 * The events after the last {@code message} of an assistant: what is new to it.
	 */
	static List<Event> sinceLastMessageOf(String assistantId, List<Event> events) {
		for (int i = events.size() - 1; i >= 0; i--) {
			Event event = events.get(i);
			if (event.payload() instanceof EventPayload.Message && assistantId.equals(event.author().id())) {
				return events.subList(i + 1, events.size());
			}
		}
		return events;
	}

	static List<Message> messages(List<Event> events) {
		Set<String> called = new HashSet<>();
		Set<String> answered = new HashSet<>();
		Map<String, String> toolNames = new HashMap<>();
		for (Event event : events) {
			if (event.payload() instanceof EventPayload.ToolCall call) {
				called.add(call.id());
				toolNames.put(call.id(), call.name());
			}
			else if (event.payload() instanceof EventPayload.ToolResult result) {
				answered.add(result.id());
			}
		}
		List<Message> messages = new ArrayList<>();
		for (Event event : events) {
			if (event.payload() instanceof EventPayload.Message message) {
				messages.add(message(event.author().role(), text(message.content())));
			}
			else if (event.payload() instanceof EventPayload.ToolCall call && answered.contains(call.id())) {
				addToolCall(messages, new AssistantMessage.ToolCall(call.id(), "function", call.name(),
						JsonText.write(call.arguments())));
			}
			else if (event.payload() instanceof EventPayload.ToolResult result && called.contains(result.id())) {
				addToolResponse(messages, new ToolResponseMessage.ToolResponse(result.id(), toolNames.get(result.id()),
						ToolResponses.text(result.result(), result.error())));
			}
		}
		return messages;
	}

	private static Message message(IdentityRole role, String text) {
		return switch (role) {
			case USER -> new UserMessage(text);
			case ASSISTANT -> new AssistantMessage(text);
			case SYSTEM -> new SystemMessage(text);
		};
	}

	private static void addToolCall(List<Message> messages, AssistantMessage.ToolCall call) {
		AssistantMessage previous = (!messages.isEmpty()
				&& messages.get(messages.size() - 1) instanceof AssistantMessage assistant) ? assistant : null;
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		String text = null;
		if (previous != null) {
			messages.remove(messages.size() - 1);
			calls.addAll(previous.getToolCalls());
			text = previous.getText();
		}
		calls.add(call);
		messages.add(AssistantMessage.builder().content(text).toolCalls(calls).build());
	}

	private static void addToolResponse(List<Message> messages, ToolResponseMessage.ToolResponse response) {
		List<ToolResponseMessage.ToolResponse> responses = new ArrayList<>();
		if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof ToolResponseMessage previous) {
			messages.remove(messages.size() - 1);
			responses.addAll(previous.getResponses());
		}
		responses.add(response);
		messages.add(ToolResponseMessage.builder().responses(responses).build());
	}

	private static String text(List<ContentPart> content) {
		return content.stream().map(ThreadHistory::text).collect(Collectors.joining("\n\n"));
	}

	private static String text(ContentPart part) {
		if (part instanceof ContentPart.Text text) {
			return text.text();
		}
		if (part instanceof ContentPart.Image image) {
			return "[image " + image.url() + "]";
		}
		if (part instanceof ContentPart.Audio audio) {
			return "[audio " + audio.url() + "]";
		}
		if (part instanceof ContentPart.Document document) {
			return "[document " + document.url() + "]";
		}
		return "[" + part.type() + "]";
	}

}
