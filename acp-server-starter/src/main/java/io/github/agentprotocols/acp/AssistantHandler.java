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

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An assistant (spec §6.3): what runs when the assistant is invoked on a thread. Register
 * it as a bean with its id in {@link AcpAssistant @AcpAssistant}, or annotate a method of
 * any bean instead.
 * <p>
 * The handler produces a cold, ordered stream of events built by {@code send}:
 * {@code message}, {@code reasoning}, {@code tool.call} and {@code tool.result} of this
 * run. The executor subscribes once and requests one event at a time, the next only after
 * the previous one was persisted and broadcast, so the stream does not run ahead of the
 * log. Completing ends the run {@code completed}; an error ends it {@code failed} with
 * {@code handler_error}; an event that is not the run's own ends it {@code failed} with
 * {@code invalid_event}, unpersisted. On cancellation or timeout the subscription is
 * cancelled and later events are discarded. There is no other way to write to the log.
 */
@FunctionalInterface
public interface AssistantHandler {

	/**
	 * Produces the run's events.
	 * @param context the run, its thread and what the handler may ask of them
	 * @param send the factories of the run's events
	 * @return the events, cold; subscribed on a bounded-elastic thread, or on the thread
	 * that starts the run when the handler does not {@linkplain #isBlocking() block}
	 */
	Publisher<Event> handle(HandlerContext context, HandlerSend send);

	/**
	 * Whether the handler may block the thread that subscribes to its events or requests
	 * them: true unless overridden. A blocking handler is subscribed on the executor's
	 * handlers' scheduler (bounded-elastic unless set); one that returns false is
	 * subscribed on the thread that starts its run, often an event loop of the web server
	 * or of the database driver, which it must never block, and the run saves a thread
	 * hand-off.
	 * @return whether the handler may block
	 */
	default boolean isBlocking() {
		return true;
	}

	/**
	 * A handler of the callback form (spec §6.3): it emits its events to a sink, each
	 * emission completing once the event was persisted and broadcast, and signals the
	 * run's end with the {@code Mono} it returns.
	 * @param handler the callback handler
	 * @return the handler
	 */
	static AssistantHandler sink(Sink handler) {
		return new SinkAssistantHandler(handler);
	}

	/**
	 * An assistant of the callback form, adapted by {@link AssistantHandler#sink}.
	 */
	@FunctionalInterface
	interface Sink {

		/**
		 * Runs the assistant.
		 * @param context the run, its thread and what the handler may ask of them
		 * @param send the factories of the run's events
		 * @param sink where the events go, one at a time
		 * @return completes when the handler is done (the run completes), or fails (the
		 * run fails with {@code handler_error}); subscribed once
		 */
		Mono<Void> handle(HandlerContext context, HandlerSend send, EventSink sink);

	}

}
