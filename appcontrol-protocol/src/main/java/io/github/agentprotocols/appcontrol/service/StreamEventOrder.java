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

package io.github.agentprotocols.appcontrol.service;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The order of one streamed command's events on the wire: the client's events as they
 * come, and an {@code observation} event last, numbered after the last event sent. A
 * client that fails ends the stream with the observation of its failure (after a
 * {@code started} event if it sent none), and a stream that ends without an observation
 * (its deadline passed) gets one.
 */
final class StreamEventOrder {

	private volatile long lastSeq = -1;

	private volatile boolean observed;

	private StreamEventOrder() {
	}

	/**
	 * A command's events in wire order.
	 * @param events the client's events, which may fail or end before an observation
	 * @param command the command
	 * @param failure the observation of a failure of the client
	 * @param unfinished the observation of a stream that ended without one
	 * @return the events, ending with one {@code observation} event
	 */
	static Flux<ToolEvent> of(Flux<ToolEvent> events, ToolCommand command, Function<Throwable, ToolObservation> failure,
			Supplier<ToolObservation> unfinished) {
		StreamEventOrder order = new StreamEventOrder();
		return events.onErrorResume((ex) -> order.endAfterFailure(command, failure.apply(ex)))
			.doOnNext(order::sent)
			.concatWith(Mono.defer(() -> order.observed ? Mono.empty()
					: Mono.just(ToolEvents.observation(order.lastSeq + 1, unfinished.get()))));
	}

	private Flux<ToolEvent> endAfterFailure(ToolCommand command, ToolObservation failure) {
		return (this.lastSeq < 0) ? Flux.just(ToolEvents.started(command), ToolEvents.observation(1, failure))
				: Flux.just(ToolEvents.observation(this.lastSeq + 1, failure));
	}

	private void sent(ToolEvent event) {
		this.lastSeq = event.seq();
		this.observed |= event.type() == ToolEventType.OBSERVATION;
	}

}
