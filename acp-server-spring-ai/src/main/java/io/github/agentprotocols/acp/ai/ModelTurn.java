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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.agentprotocols.acp.AcpIds;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * One model call's streamed answer, gathered: its text, its reasoning and the tool calls
 * it asks for. Reasoning comes from the provider's metadata where it gives it (chunks
 * marked {@code isThought}, or {@code reasoningContent}) or from a leading
 * {@code <think>…</think>} in the text. A tool call without an id gets one,
 * {@code call_<uuidv7>}.
 */
final class ModelTurn {

	private static final Pattern THINK = Pattern.compile("(?s)^\\s*<think>(.*?)</think>\\s*(.*)");

	private final StringBuilder text = new StringBuilder();

	private final StringBuilder reasoning = new StringBuilder();

	private final List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();

	private final Map<String, Object> metadata = new HashMap<>();

	private @Nullable ChatClientResponse last;

	void add(ChatClientResponse response) {
		this.last = response;
		ChatResponse chat = response.chatResponse();
		if (chat == null) {
			return;
		}
		for (Generation generation : chat.getResults()) {
			AssistantMessage output = generation.getOutput();
			Map<String, Object> properties = output.getMetadata();
			String chunk = output.getText();
			if (chunk != null) {
				boolean thought = Boolean.parseBoolean(String.valueOf(properties.get("isThought")));
				(thought ? this.reasoning : this.text).append(chunk);
			}
			if (properties.get("reasoningContent") instanceof String reasoningContent) {
				this.reasoning.append(reasoningContent);
			}
			properties.forEach((key, value) -> {
				if (value != null && !"reasoningContent".equals(key) && !"isThought".equals(key)) {
					this.metadata.put(key, value);
				}
			});
			for (AssistantMessage.ToolCall call : output.getToolCalls()) {
				this.toolCalls.add((call.id() == null || call.id().isBlank())
						? new AssistantMessage.ToolCall(AcpIds.toolCall(), call.type(), call.name(), call.arguments())
						: call);
			}
		}
	}

	/**
	 * The answer's text, without a leading {@code <think>} block.
	 */
	String text() {
		Matcher think = THINK.matcher(this.text);
		return think.matches() ? think.group(2) : this.text.toString();
	}

	/**
	 * The reasoning, from the metadata and a leading {@code <think>} block.
	 */
	String reasoning() {
		Matcher think = THINK.matcher(this.text);
		return think.matches() ? this.reasoning + think.group(1).strip() : this.reasoning.toString();
	}

	List<AssistantMessage.ToolCall> toolCalls() {
		return List.copyOf(this.toolCalls);
	}

	boolean hasToolCalls() {
		return !this.toolCalls.isEmpty();
	}

	/**
	 * The turn as the assistant message of the conversation, with the ids its tool calls
	 * were given.
	 */
	AssistantMessage message() {
		return AssistantMessage.builder().content(text()).properties(this.metadata).toolCalls(toolCalls()).build();
	}

	/**
	 * The turn as one response, for the advisors around the loop (a chat memory, a
	 * logger).
	 */
	ChatClientResponse response() {
		return response(message());
	}

	/**
	 * The response of a loop that tools ended with their results as the answer.
	 */
	ChatClientResponse response(String answer) {
		return response(new AssistantMessage(answer));
	}

	private ChatClientResponse response(AssistantMessage message) {
		ChatResponse chat = new ChatResponse(List.of(new Generation(message)));
		return (this.last != null) ? this.last.mutate().chatResponse(chat).build()
				: ChatClientResponse.builder().chatResponse(chat).build();
	}

}
