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
	 * is requested.
	 */
	private static final class Emissions {

		private long requested;

		private long emitted;

		private Sinks.@Nullable Empty<Void> unconfirmed;

		synchronized Mono<Void> emitted() {
			this.emitted++;
			Sinks.Empty<Void> persisted = Sinks.empty();
			this.unconfirmed = persisted;
			confirmIfRequested();
			return persisted.asMono();
		}

		synchronized void requested(long count) {
			this.requested = (this.requested + count < 0) ? Long.MAX_VALUE : this.requested + count;
			confirmIfRequested();
		}

		synchronized void refuse() {
			if (this.unconfirmed != null) {
				this.unconfirmed.tryEmitError(new CancellationException("the run has ended"));
				this.unconfirmed = null;
			}
		}

		private void confirmIfRequested() {
			if (this.unconfirmed != null && this.requested > this.emitted) {
				this.unconfirmed.tryEmitEmpty();
				this.unconfirmed = null;
			}
		}

	}

}
