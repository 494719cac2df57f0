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

package io.github.agentprotocols.lime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The record the instances of a site keep of the LIME event stream, so that whichever of
 * them reads it next resumes where the last reader stopped and no event is handled twice:
 * the id of the last event read (sent as {@code Last-Event-ID} by the next reader) and
 * the events already taken on for handling. The dispatcher claims each event before its
 * handlers run and records each event id once the event is claimed, in the order the
 * stream gave them. A single instance needs none.
 */
public interface LimeEventLog {

	/**
	 * The id of the last event read by any instance.
	 * @return the id, or empty when none was recorded
	 */
	Mono<String> lastEventId();

	/**
	 * Record the id of the last event read.
	 * @param lastEventId the event id
	 * @return completes once recorded
	 */
	Mono<Void> advance(String lastEventId);

	/**
	 * Take on an event for handling, atomically, unless an instance took it on before.
	 * @param event the approval or expiry
	 * @return {@code true} when this call took it on, {@code false} when it was taken
	 * before
	 */
	Mono<Boolean> claim(LimeEvent event);

	/**
	 * Record that the handlers ran on an event this instance took on: it is no longer in
	 * flight.
	 * @param event the event
	 * @return completes once recorded
	 */
	default Mono<Void> handled(LimeEvent event) {
		return Mono.empty();
	}

	/**
	 * The events taken on and not yet recorded as handled: those a reader that stopped
	 * (killed, or its lease lost) left behind, which the next reader delivers before it
	 * reads the stream. None unless the log keeps them.
	 * @return the events in flight
	 */
	default Flux<LimeEvent> inFlight() {
		return Flux.empty();
	}

}
