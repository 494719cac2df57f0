package io.github.agentprotocols.acp;

import reactor.core.publisher.Mono;

/**
 * The callback form of a handler's output (spec §6.3): a handler built with
 * {@link AssistantHandler#sink} emits its events here, one at a time.
 */
@FunctionalInterface
public interface EventSink {

	/**
	 * Emits an event of the run. Emit the next event only once the returned {@code Mono}
	 * has completed.
	 * @param event an event built by {@link HandlerSend}
	 * @return completes once the event was persisted and broadcast; fails with a
	 * {@link java.util.concurrent.CancellationException} once the run has ended
	 * (cancelled, timed out or failed), and the event is then discarded
	 */
	Mono<Void> emit(Event event);

}
