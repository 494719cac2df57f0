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

package io.github.agentprotocols.testsupport;

import java.util.List;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Calls Spring AI tools as a chat model's answer has Spring AI call them: through its
 * {@link DefaultToolCallingManager}, which parses nothing itself and answers a tool's
 * exception as its processor says.
 */
public final class SpringAiToolCalls {

	private SpringAiToolCalls() {
	}

	/**
	 * The responses to a model's tool calls.
	 * @param prompt the user's prompt the model answered
	 * @param tools the tools the model was offered
	 * @param calls the model's calls
	 * @return a response a call, in order
	 */
	public static List<ToolResponse> execute(String prompt, ToolCallback[] tools, ToolCall... calls) {
		Prompt request = new Prompt(List.of(new UserMessage(prompt)),
				ToolCallingChatOptions.builder().toolCallbacks(tools).build());
		ChatResponse response = new ChatResponse(
				List.of(new Generation(AssistantMessage.builder().content("").toolCalls(List.of(calls)).build())));
		List<Message> history = DefaultToolCallingManager.builder()
			.build()
			.executeToolCalls(request, response)
			.conversationHistory();
		return ((ToolResponseMessage) history.get(history.size() - 1)).getResponses();
	}

	/**
	 * The response to one tool call.
	 * @param tools the tools the model was offered
	 * @param name the tool called
	 * @param arguments the call's arguments, as the model wrote them
	 * @return the response's data
	 */
	public static String callOnce(ToolCallback[] tools, String name, String arguments) {
		return execute("do it", tools, new ToolCall("call_1", "function", name, arguments)).get(0).responseData();
	}

}
