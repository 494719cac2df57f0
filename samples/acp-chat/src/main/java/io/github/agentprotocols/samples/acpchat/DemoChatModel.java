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

package io.github.agentprotocols.samples.acpchat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.util.json.JsonParser;

/**
 * A scripted chat model, so that the sample runs offline: asked about "the weather in
 * <i>city</i>", it calls the {@code weather} tool, then words the tool's answer; asked
 * anything else, it says what it can do. It streams its text a word at a time, each word
 * after the pacing.
 */
public class DemoChatModel implements ChatModel {

	private static final Pattern WEATHER_IN = Pattern.compile("weather in (\\p{L}+)", Pattern.CASE_INSENSITIVE);

	private final Duration pacing;

	/**
	 * Creates the model.
	 * @param pacing the pause before each streamed chunk
	 */
	public DemoChatModel(Duration pacing) {
		this.pacing = pacing;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		return response(reply(prompt.getLastUserOrToolResponseMessage()));
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		AssistantMessage reply = reply(prompt.getLastUserOrToolResponseMessage());
		if (reply.hasToolCalls()) {
			return Flux.just(response(reply));
		}
		return Flux.fromArray(Objects.requireNonNull(reply.getText()).split("(?<= )"))
			.map((word) -> response(new AssistantMessage(word)))
			.delayElements(this.pacing);
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().build();
	}

	private static AssistantMessage reply(Message last) {
		if (last instanceof ToolResponseMessage toolResponse) {
			return new AssistantMessage(answer(toolResponse.getResponses().get(0).responseData()));
		}
		Matcher weatherIn = WEATHER_IN.matcher(Objects.requireNonNullElse(last.getText(), ""));
		if (weatherIn.find()) {
			String arguments = JsonParser.toJson(Map.of("city", weatherIn.group(1)));
			return AssistantMessage.builder()
				.content("")
				.toolCalls(List.of(new AssistantMessage.ToolCall("", "function", "weather", arguments)))
				.build();
		}
		return new AssistantMessage("I am the sample's scripted model: ask me about the weather in Paris, London "
				+ "or Tokyo, or give the sample a real model (see its README).");
	}

	private static String answer(String toolResponse) {
		if (!toolResponse.startsWith("{")) {
			return "The weather tool could not tell: " + toolResponse;
		}
		Map<?, ?> weather = JsonParser.fromJson(toolResponse, Map.class);
		return "In " + weather.get("city") + " the sky is " + weather.get("sky") + " and it is "
				+ weather.get("celsius") + " °C, says the weather tool.";
	}

	private static ChatResponse response(AssistantMessage message) {
		return new ChatResponse(List.of(new Generation(message)));
	}

}
