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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat model that answers each call with the next turn of its script: chunks of text,
 * of reasoning and of tool calls, a failure or a stream that never ends. It keeps the
 * prompts it was given. The Spring AI assistants' tests script their models with it, and
 * the benchmarks the model of the streamed answers they time.
 */
public final class ScriptedChatModel implements ChatModel {

	private final Queue<Flux<ChatResponse>> turns = new ConcurrentLinkedQueue<>();

	private final List<Prompt> prompts = new CopyOnWriteArrayList<>();

	/**
	 * Adds a turn answered by these chunks.
	 * @param chunks the chunks, in order
	 * @return this model
	 */
	public ScriptedChatModel turn(ChatResponse... chunks) {
		return turn(Flux.just(chunks));
	}

	/**
	 * Adds a turn answered by this stream.
	 * @param chunks the stream of chunks
	 * @return this model
	 */
	public ScriptedChatModel turn(Flux<ChatResponse> chunks) {
		this.turns.add(chunks);
		return this;
	}

	/**
	 * A chunk of text.
	 * @param text the text
	 * @return the chunk
	 */
	public static ChatResponse text(String text) {
		return chunk(AssistantMessage.builder().content(text).build());
	}

	/**
	 * A chunk of reasoning in the message's {@code reasoningContent} property.
	 * @param reasoning the reasoning
	 * @return the chunk
	 */
	public static ChatResponse reasoningContent(String reasoning) {
		return chunk(AssistantMessage.builder().content("").properties(Map.of("reasoningContent", reasoning)).build());
	}

	/**
	 * A chunk of reasoning as text marked {@code isThought}.
	 * @param thought the reasoning
	 * @return the chunk
	 */
	public static ChatResponse thought(String thought) {
		return chunk(AssistantMessage.builder().content(thought).properties(Map.of("isThought", true)).build());
	}

	/**
	 * A chunk asking for a tool call.
	 * @param id the call's id
	 * @param name the tool's name
	 * @param arguments the arguments, as JSON
	 * @return the chunk
	 */
	public static ChatResponse toolCall(String id, String name, String arguments) {
		return chunk(AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall(id, "function", name, arguments)))
			.build());
	}

	private static ChatResponse chunk(AssistantMessage message) {
		return new ChatResponse(List.of(new Generation(message)));
	}

	/**
	 * The prompts of the calls so far, in order.
	 * @return the prompts
	 */
	public List<Prompt> prompts() {
		return this.prompts;
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		this.prompts.add(prompt);
		Flux<ChatResponse> turn = this.turns.poll();
		return (turn != null) ? turn : Flux.error(new IllegalStateException("the script has no more turns"));
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		List<ChatResponse> chunks = stream(prompt).collectList().block();
		StringBuilder text = new StringBuilder();
		List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();
		for (ChatResponse chunk : (chunks != null) ? chunks : List.<ChatResponse>of()) {
			AssistantMessage output = chunk.getResult().getOutput();
			text.append((output.getText() != null) ? output.getText() : "");
			toolCalls.addAll(output.getToolCalls());
		}
		return chunk(AssistantMessage.builder().content(text.toString()).toolCalls(toolCalls).build());
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().build();
	}

	/**
	 * A turn whose stream never ends, with what happened to it.
	 */
	public static final class EndlessTurn {

		private final CountDownLatch streaming = new CountDownLatch(1);

		private final CountDownLatch cancelled = new CountDownLatch(1);

		/**
		 * The turn's stream: these chunks, then nothing, ever.
		 * @param first the chunks given before the stream falls silent
		 * @return the stream
		 */
		public Flux<ChatResponse> chunks(ChatResponse... first) {
			return Flux.concat(Flux.just(first), Flux.<ChatResponse>never())
				.doOnSubscribe((subscription) -> this.streaming.countDown())
				.doOnCancel(this.cancelled::countDown);
		}

		/**
		 * Waits until the stream is subscribed.
		 * @throws InterruptedException if interrupted while waiting
		 */
		public void awaitStreaming() throws InterruptedException {
			assertThat(this.streaming.await(30, TimeUnit.SECONDS)).as("the model's stream was subscribed").isTrue();
		}

		/**
		 * Waits until the stream is cancelled.
		 * @throws InterruptedException if interrupted while waiting
		 */
		public void awaitCancelled() throws InterruptedException {
			assertThat(this.cancelled.await(30, TimeUnit.SECONDS)).as("the model's stream was cancelled").isTrue();
		}

	}

}
