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
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.ToolAdvisor;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tool loop of one run, in the {@code ChatClient}'s advisor chain in place of Spring
 * AI's {@link ToolCallingAdvisor} (at its order, so memory advisors at their default
 * order stay outside the loop and the advisors after it see every model call). Each model
 * call is gathered into a {@link ModelTurn}; its reasoning and text become events; its
 * tool calls run through {@link ToolCalls}, and the model is called again with the calls
 * and their outcomes, until it answers without tools. Emits the final turn as one
 * response.
 */
final class ToolLoopAdvisor implements StreamAdvisor, ToolAdvisor {

	private final RunEvents events;

	private final ToolCalls tools;

	ToolLoopAdvisor(RunEvents events, ToolCalls tools) {
		this.events = events;
		this.tools = tools;
	}

	@Override
	public String getName() {
		return "ACP tool loop";
	}

	@Override
	public int getOrder() {
		return ToolCallingAdvisor.DEFAULT_ORDER;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return loop(request, chain, request.prompt().getInstructions()).flux();
	}

	private Mono<ChatClientResponse> loop(ChatClientRequest request, StreamAdvisorChain chain,
			List<Message> instructions) {
		Prompt prompt = new Prompt(instructions, request.prompt().getOptions());
		ChatClientRequest turnRequest = request.mutate().prompt(prompt).build();
		return Flux.defer(() -> chain.copy(this).nextStream(turnRequest))
			.collect(ModelTurn::new, ModelTurn::add)
			.flatMap((turn) -> {
				if (!turn.hasToolCalls()) {
					return this.events.turn(turn, true).thenReturn(turn.response());
				}
				return this.events.turn(turn, false)
					.then(this.tools.run(prompt, turn))
					.flatMap((outcomes) -> next(request, chain, instructions, turn, outcomes));
			});
	}

	private Mono<ChatClientResponse> next(ChatClientRequest request, StreamAdvisorChain chain,
			List<Message> instructions, ModelTurn turn, List<ToolOutcome> outcomes) {
		if (outcomes.stream().allMatch(ToolOutcome::returnDirect)) {
			String answer = outcomes.stream()
				.map((outcome) -> JsonText.write(outcome.result()))
				.collect(Collectors.joining("\n"));
			return (answer.isBlank() ? Mono.<Void>empty() : this.events.message(answer))
				.thenReturn(turn.response(answer));
		}
		List<Message> next = new ArrayList<>(instructions);
		next.add(turn.message());
		next.add(ToolCalls.responses(outcomes));
		return loop(request, chain, next);
	}

}
