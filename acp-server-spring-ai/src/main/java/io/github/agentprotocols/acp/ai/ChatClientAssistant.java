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

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventSink;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import org.reactivestreams.Publisher;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.tool.ToolCallingManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An ACP assistant backed by a Spring AI {@link ChatClient}: any model, advisors and
 * tools. Register it as a bean with {@code @AcpAssistant("id")}:
 *
 * <pre>{@code
 * &#64;Bean
 * &#64;AcpAssistant("helper")
 * ChatClientAssistant helper(ChatClient.Builder chat, ToolCallingManager tools) {
 *     return ChatClientAssistant.builder(chat.defaultTools(new WeatherTools()).build())
 *         .toolCallingManager(tools)
 *         .build();
 * }
 * }</pre>
 * <p>
 * A run streams one prompt through the client, whose messages are the thread's latest
 * {@link Builder#historyWindow events} (see the mapping below) after the client's own
 * system text:
 * <ul>
 * <li><b>Text</b>: gathered per model turn (ACP has no delta event) and written as
 * {@code message} events by the {@link TextCoalescing} policy, by default one per turn
 * that wrote text. <b>Reasoning</b> becomes a {@code reasoning} event before the turn's
 * text where the model gives it: chunks the provider marks {@code isThought}, its
 * {@code reasoningContent} metadata, or a leading {@code <think>…</think>} in the
 * text.</li>
 * <li><b>Tools</b>: the assistant runs the tool loop in place of Spring AI's
 * {@code ToolCallingAdvisor} (so the client must not register a {@code ToolAdvisor} of
 * its own: a second one fails each run). Each call the model asks for becomes a
 * {@code tool.call} event with the model's id (or {@code call_<uuidv7>} when it gives
 * none), passes the {@link ToolCallApproval}, runs through the {@link ToolCallingManager}
 * (so {@code @Tool} methods, {@code ToolCallback}s and MCP client tools all work, with
 * the manager's exception processing and observation), and its outcome becomes a
 * {@code tool.result}: a tool that threw gives an error result {@code {code:
 * "tool_error", message}} and the model is told, as the manager's exception processor
 * says. Then the model is called again, until it answers without tools; tools that all
 * {@code returnDirect} end the loop with their result as the answer.</li>
 * <li><b>Tool context</b>: tools receive an {@link AcpToolContext} (thread, run, invoker
 * and tenant) under {@link AcpToolContext#KEY}.</li>
 * <li><b>Ending</b>: cancelling the run, or its timeout, cancels the model's stream and
 * every tool call not yet started; a model failure, or a tool failure the manager
 * rethrows, ends the run {@code failed} with {@code handler_error} and the failure's
 * message.</li>
 * <li><b>Observations</b>: the client's observations (and through them the model's and
 * the tools') are children of the run's handler observation.</li>
 * </ul>
 * History mapping: a user's {@code message} is a user message, an assistant's an
 * assistant message, a system identity's a system message (text parts joined by blank
 * lines; media parts as a line naming their type and URL); {@code tool.call} events join
 * the assistant message before them as its tool calls, and their {@code tool.result}
 * events follow as tool responses (a call or result whose partner is outside the window
 * is left out). Reasoning, run and thread events are not sent. An application that keeps
 * a {@code ChatMemory} advisor on its client keeps it: with {@link Builder#threadHistory
 * threadHistory(false)} only the events after the assistant's last message are sent, and
 * {@link Builder#requestCustomizer} gives the advisor its conversation id (the thread's,
 * for example).
 */
public final class ChatClientAssistant implements AssistantHandler {

	/**
	 * The default number of the thread's latest events sent as history.
	 */
	public static final int DEFAULT_HISTORY_WINDOW = 100;

	private final ChatClient chatClient;

	private final ToolCallingManager toolCallingManager;

	private final ToolCallApproval approval;

	private final TextCoalescing coalescing;

	private final int historyWindow;

	private final boolean threadHistory;

	private final BiConsumer<HandlerContext, ChatClient.ChatClientRequestSpec> requestCustomizer;

	private ChatClientAssistant(Builder builder) {
		this.chatClient = builder.chatClient;
		this.toolCallingManager = builder.toolCallingManager;
		this.approval = builder.approval;
		this.coalescing = builder.coalescing;
		this.historyWindow = builder.historyWindow;
		this.threadHistory = builder.threadHistory;
		this.requestCustomizer = builder.requestCustomizer;
	}

	/**
	 * A builder of an assistant on a client.
	 * @param chatClient the client: its model, default system text, advisors and tools
	 * @return the builder
	 */
	public static Builder builder(ChatClient chatClient) {
		return new Builder(chatClient);
	}

	@Override
	public Publisher<Event> handle(HandlerContext context, HandlerSend send) {
		// the sink form subscribes the run apart: hand it the run's Reactor context,
		// which
		// carries the handler's observation
		return Flux.deferContextual((reactorContext) -> AssistantHandler
			.sink((ctx, events, sink) -> run(ctx, events, sink).contextWrite(reactorContext))
			.handle(context, send));
	}

	/**
	 * Does not block: it reads the history from the store and subscribes to the client's
	 * stream on the thread that starts the run, as a WebFlux handler returning the stream
	 * does on its event loop (Spring AI delivers the model's chunks on a bounded-elastic
	 * thread); the tools run on a bounded-elastic thread. The
	 * {@linkplain Builder#requestCustomizer request customizer} runs on the starting
	 * thread too, and must not block.
	 * @return {@code false}
	 */
	@Override
	public boolean isBlocking() {
		return false;
	}

	private Mono<Void> run(HandlerContext context, HandlerSend send, EventSink sink) {
		return context.events(this.historyWindow).flatMap((window) -> {
			List<Event> events = this.threadHistory ? window
					: ThreadHistory.sinceLastMessageOf(context.assistant().id(), window);
			RunEvents output = new RunEvents(send, sink, this.coalescing);
			ToolLoopAdvisor loop = new ToolLoopAdvisor(output,
					new ToolCalls(this.toolCallingManager, this.approval, context, output));
			ChatClient.ChatClientRequestSpec request = this.chatClient.prompt()
				.messages(ThreadHistory.messages(events))
				.advisors(loop)
				.toolContext(Map.of(AcpToolContext.KEY, AcpToolContext.of(context)));
			this.requestCustomizer.accept(context, request);
			return request.stream().chatClientResponse().then();
		});
	}

	/**
	 * Builds a {@link ChatClientAssistant}.
	 */
	public static final class Builder {

		private final ChatClient chatClient;

		private ToolCallingManager toolCallingManager = ToolCallingManager.builder().build();

		private ToolCallApproval approval = ToolCallApproval.APPROVE_ALL;

		private TextCoalescing coalescing = TextCoalescing.PER_TURN;

		private int historyWindow = DEFAULT_HISTORY_WINDOW;

		private boolean threadHistory = true;

		private BiConsumer<HandlerContext, ChatClient.ChatClientRequestSpec> requestCustomizer = (context, request) -> {
		};

		private Builder(ChatClient chatClient) {
			this.chatClient = Objects.requireNonNull(chatClient, "chatClient");
		}

		/**
		 * The manager that runs the tool calls: Spring AI's auto-configured
		 * {@code ToolCallingManager} bean to apply the application's
		 * {@code spring.ai.tools.*} settings and observation. Default: a manager with
		 * Spring AI's defaults and no observation.
		 * @param toolCallingManager the manager
		 * @return this builder
		 */
		public Builder toolCallingManager(ToolCallingManager toolCallingManager) {
			this.toolCallingManager = Objects.requireNonNull(toolCallingManager, "toolCallingManager");
			return this;
		}

		/**
		 * Holds each tool call for a decision before it runs. Default: every call runs.
		 * @param approval the decision
		 * @return this builder
		 */
		public Builder toolCallApproval(ToolCallApproval approval) {
			this.approval = Objects.requireNonNull(approval, "approval");
			return this;
		}

		/**
		 * How the streamed text becomes {@code message} events. Default:
		 * {@link TextCoalescing#PER_TURN}.
		 * @param coalescing the policy
		 * @return this builder
		 */
		public Builder textCoalescing(TextCoalescing coalescing) {
			this.coalescing = Objects.requireNonNull(coalescing, "coalescing");
			return this;
		}

		/**
		 * How many of the thread's latest events (of every type, run and thread events
		 * included) are read for the model's history. Default:
		 * {@value ChatClientAssistant#DEFAULT_HISTORY_WINDOW}.
		 * @param events at least 1
		 * @return this builder
		 */
		public Builder historyWindow(int events) {
			if (events < 1) {
				throw new IllegalArgumentException("the history window must be at least 1 event");
			}
			this.historyWindow = events;
			return this;
		}

		/**
		 * Whether the thread is the model's memory. {@code false} sends only the events
		 * after the assistant's last {@code message} (within the window), for a client
		 * whose {@code ChatMemory} advisor keeps the conversation (give it the
		 * conversation id with {@link #requestCustomizer}). Default: {@code true}.
		 * @param threadHistory whether the window of the thread is sent
		 * @return this builder
		 */
		public Builder threadHistory(boolean threadHistory) {
			this.threadHistory = threadHistory;
			return this;
		}

		/**
		 * Adjusts each run's request before it is sent: advisor parameters (a chat
		 * memory's conversation id), per-run tools or options.
		 * @param requestCustomizer called with the run's context and its request
		 * @return this builder
		 */
		public Builder requestCustomizer(
				BiConsumer<HandlerContext, ChatClient.ChatClientRequestSpec> requestCustomizer) {
			this.requestCustomizer = Objects.requireNonNull(requestCustomizer, "requestCustomizer");
			return this;
		}

		/**
		 * Builds the assistant.
		 * @return the assistant
		 */
		public ChatClientAssistant build() {
			return new ChatClientAssistant(this);
		}

	}

}
