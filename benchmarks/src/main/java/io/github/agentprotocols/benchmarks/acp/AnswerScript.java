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

package io.github.agentprotocols.benchmarks.acp;

import java.util.stream.IntStream;

import io.github.agentprotocols.testsupport.ScriptedChatModel;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.tool.annotation.Tool;

/**
 * What the scripted model answers to one question: {@value #CHUNKS} chunks of text, after
 * one call of the {@link Weather} tool for {@link #TOOL_CALL}. The chunks are made once
 * and streamed again for every answer.
 */
enum AnswerScript {

	/** One model turn of text. */
	TEXT {

		@Override
		void enqueue(ScriptedChatModel model) {
			model.turn(ANSWER);
		}

	},

	/** A turn that says a word and calls the tool, then a turn of text. */
	TOOL_CALL {

		@Override
		void enqueue(ScriptedChatModel model) {
			model.turn(ASKING).turn(ANSWER);
		}

	};

	/** Text chunks of the answer. */
	static final int CHUNKS = 50;

	private static final ChatResponse[] ANSWER = IntStream.range(0, CHUNKS)
		.mapToObj((i) -> ScriptedChatModel.text("word" + i + " "))
		.toArray(ChatResponse[]::new);

	private static final ChatResponse[] ASKING = { ScriptedChatModel.text("Let me check. "),
			ScriptedChatModel.toolCall("call_1", "weather", "{\"city\":\"Paris\"}") };

	/**
	 * Adds the model's turns of one answer to its script.
	 * @param model the model
	 */
	abstract void enqueue(ScriptedChatModel model);

	/**
	 * The tool the model calls.
	 */
	static final class Weather {

		@Tool(description = "The weather in a city")
		public String weather(String city) {
			return "sunny in " + city;
		}

	}

}
