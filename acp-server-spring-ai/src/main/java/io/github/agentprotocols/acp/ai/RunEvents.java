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

import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.EventSink;
import io.github.agentprotocols.acp.HandlerSend;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Where a run's events go: each written, persisted and broadcast before the next, by the
 * run's {@link EventSink}.
 */
final class RunEvents {

	private final HandlerSend send;

	private final EventSink sink;

	private final TextCoalescing coalescing;

	RunEvents(HandlerSend send, EventSink sink, TextCoalescing coalescing) {
		this.send = send;
		this.sink = sink;
		this.coalescing = coalescing;
	}

	/**
	 * A model turn's reasoning, then its text: a {@code message}, or for the text before
	 * tool calls under {@link TextCoalescing#FINAL_ANSWER} a {@code reasoning}.
	 */
	Mono<Void> turn(ModelTurn turn, boolean finalAnswer) {
		Mono<Void> reasoning = turn.reasoning().isBlank() ? Mono.empty()
				: Mono.defer(() -> this.sink.emit(this.send.reasoning(turn.reasoning())));
		String text = turn.text();
		if (text.isBlank()) {
			return reasoning;
		}
		boolean message = finalAnswer || this.coalescing == TextCoalescing.PER_TURN;
		return reasoning.then(message ? message(text) : Mono.defer(() -> this.sink.emit(this.send.reasoning(text))));
	}

	Mono<Void> message(String text) {
		return Mono.defer(() -> this.sink.emit(this.send.message(List.of(new ContentPart.Text(text)))));
	}

	Mono<Void> toolCall(String id, String name, @Nullable String arguments) {
		return Mono.defer(() -> this.sink.emit(this.send.toolCall(name, JsonText.value(arguments), id)));
	}

	Mono<Void> toolResult(String id, @Nullable Object result, @Nullable Map<String, Object> error) {
		return Mono.defer(() -> this.sink.emit(this.send.toolResult(id, result, error)));
	}

}
