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

package io.github.agentprotocols.acp;

import java.util.concurrent.CancellationException;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An {@link AssistantHandler} of the callback form: each {@link EventSink#emit emitted}
 * event is handed to the executor, and the emission completes when the executor asks for
 * the event after it, which it does only once the emitted event was persisted and
 * broadcast. Disposing the stream (the run ended) cancels the handler and refuses further
 * emissions.
 */
final class SinkAssistantHandler implements AssistantHandler {

	private final AssistantHandler.Sink handler;

	SinkAssistantHandler(AssistantHandler.Sink handler) {
		this.handler = handler;
	}

	@Override
	public Publisher<Event> handle(HandlerContext context, HandlerSend send) {
		return Flux.create((events) -> {
			Emissions emissions = new Emissions();
			Disposable.Swap running = Disposables.swap();
			events.onRequest(emissions::requested);
			events.onDispose(() -> {
				running.dispose();
				emissions.refuse();
			});
			EventSink sink = (event) -> Mono.defer(() -> {
				if (events.isCancelled()) {
					return Mono.error(new CancellationException("the run has ended"));
				}
				Mono<Void> persisted = emissions.emitted();
				events.next(event);
				return persisted;
			});
			running.update(Mono.defer(() -> this.handler.handle(context, send, sink))
				.subscribe(null, events::error, events::complete));
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	/**
	 * Counts events emitted and requested: the k-th event is persisted once the (k+1)-th
	 * is requested. Emissions complete outside the lock, since completing one runs the
	 * handler on to its next emission.
	 */
	private static final class Emissions {

		private long requested;

		private long emitted;

		private Sinks.@Nullable Empty<Void> unconfirmed;

		Mono<Void> emitted() {
			Sinks.Empty<Void> persisted = Sinks.empty();
			Sinks.Empty<Void> confirmed;
			synchronized (this) {
				this.emitted++;
				this.unconfirmed = persisted;
				confirmed = takeConfirmed();
			}
			complete(confirmed);
			return persisted.asMono();
		}

		void requested(long count) {
			Sinks.Empty<Void> confirmed;
			synchronized (this) {
				this.requested = (this.requested + count < 0) ? Long.MAX_VALUE : this.requested + count;
				confirmed = takeConfirmed();
			}
			complete(confirmed);
		}

		void refuse() {
			Sinks.Empty<Void> refused;
			synchronized (this) {
				refused = this.unconfirmed;
				this.unconfirmed = null;
			}
			if (refused != null) {
				refused.tryEmitError(new CancellationException("the run has ended"));
			}
		}

		private Sinks.@Nullable Empty<Void> takeConfirmed() {
			if (this.unconfirmed == null || this.requested <= this.emitted) {
				return null;
			}
			Sinks.Empty<Void> confirmed = this.unconfirmed;
			this.unconfirmed = null;
			return confirmed;
		}

		private static void complete(Sinks.@Nullable Empty<Void> confirmed) {
			if (confirmed != null) {
				confirmed.tryEmitEmpty();
			}
		}

	}

}
