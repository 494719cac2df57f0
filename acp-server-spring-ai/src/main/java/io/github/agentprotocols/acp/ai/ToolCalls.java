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
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.acp.HandlerContext;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.model.tool.internal.ToolCallReactiveContextHolder;
import org.springframework.ai.tool.execution.ToolExecutionException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the tool calls of a model turn, one after the other, each through the
 * {@link ToolCallingManager} on its own: its {@code tool.call} event, the approval, the
 * call on a bounded-elastic thread (tools block), its {@code tool.result} event. A call
 * not yet started when the run is cancelled never starts. When the manager throws (the
 * tool is unknown, or its exception processor rethrows), the {@code tool.result} carries
 * the error and the run fails.
 * <p>
 * Each call runs with Spring AI's {@code ToolCallReactiveContextHolder} (an internal
 * class of {@code spring-ai-model}, set as {@code ToolCallingAdvisor} sets it) holding
 * the Reactor context, so the manager's {@code spring.ai.tool} observation is a child of
 * the advisor chain's, and MCP client tools see the caller's context.
 */
final class ToolCalls {

	private final ToolCallingManager manager;

	private final ToolCallApproval approval;

	private final HandlerContext context;

	private final RunEvents events;

	ToolCalls(ToolCallingManager manager, ToolCallApproval approval, HandlerContext context, RunEvents events) {
		this.manager = manager;
		this.approval = approval;
		this.context = context;
		this.events = events;
	}

	Mono<List<ToolOutcome>> run(Prompt prompt, ModelTurn turn) {
		AssistantMessage message = turn.message();
		return Flux.fromIterable(turn.toolCalls()).concatMap((call) -> run(prompt, message, call)).collectList();
	}

	/**
	 * The message telling the model the outcomes of its calls.
	 */
	static Message responses(List<ToolOutcome> outcomes) {
		return ToolResponseMessage.builder().responses(outcomes.stream().map(ToolOutcome::response).toList()).build();
	}

	private Mono<ToolOutcome> run(Prompt prompt, AssistantMessage message, AssistantMessage.ToolCall call) {
		return this.events.toolCall(call.id(), call.name(), call.arguments())
			.then(Mono.defer(() -> this.approval.decide(this.context, call)))
			.defaultIfEmpty(ToolCallDecision.approve())
			.flatMap((decision) -> decision.approved() ? execute(prompt, message, call)
					: Mono.just(ToolOutcome.denied(call, (decision.reason() != null) ? decision.reason() : "denied")))
			.flatMap((outcome) -> this.events.toolResult(call.id(), outcome.result(), outcome.error())
				.then((outcome.thrown() != null) ? Mono.error(outcome.thrown()) : Mono.just(outcome)));
	}

	private Mono<ToolOutcome> execute(Prompt prompt, AssistantMessage message, AssistantMessage.ToolCall call) {
		return Mono.deferContextual((reactorContext) -> Mono.fromCallable(() -> {
			AtomicReference<@Nullable ToolExecutionException> failure = new AtomicReference<>();
			AssistantMessage single = AssistantMessage.builder()
				.content(message.getText())
				.properties(message.getMetadata())
				.toolCalls(List.of(call))
				.build();
			ToolCallReactiveContextHolder.setContext(reactorContext);
			try {
				ToolExecutionResult result = this.manager.executeToolCalls(
						FailureRecordingToolCallback.recording(prompt, failure),
						new ChatResponse(List.of(new Generation(single))));
				ToolResponseMessage.ToolResponse response = response(result, call);
				return (failure.get() != null) ? ToolOutcome.failed(response)
						: ToolOutcome.succeeded(response, result.returnDirect());
			}
			catch (RuntimeException ex) {
				return ToolOutcome.thrown(call, ex);
			}
			finally {
				ToolCallReactiveContextHolder.clearContext();
			}
		}).subscribeOn(Schedulers.boundedElastic()));
	}

	private static ToolResponseMessage.ToolResponse response(ToolExecutionResult result,
			AssistantMessage.ToolCall call) {
		List<Message> history = result.conversationHistory();
		if (!history.isEmpty() && history.get(history.size() - 1) instanceof ToolResponseMessage responses) {
			for (ToolResponseMessage.ToolResponse response : responses.getResponses()) {
				if (call.id().equals(response.id())) {
					return response;
				}
			}
		}
		throw new IllegalStateException("the tool call manager returned no response to tool call " + call.id());
	}

}
