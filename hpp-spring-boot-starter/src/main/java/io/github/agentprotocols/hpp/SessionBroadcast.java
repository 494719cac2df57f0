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

package io.github.agentprotocols.hpp;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fans events out to every WebSocket connection watching a session. The local
 * implementation reaches the connections of this instance; a shared one (for example
 * Redis pub/sub) reaches the connections of all instances. Declare a bean of this type to
 * replace the default.
 */
public interface SessionBroadcast {

	/**
	 * Sends an event to every current subscriber of a session.
	 * @param sessionId the session id
	 * @param event the event
	 * @return completes when the event is handed over for delivery
	 */
	Mono<Void> publish(String sessionId, HandshakeEvent event);

	/**
	 * The events of a session from the moment of subscription, until cancelled. The
	 * subscription is registered as soon as it is made, so nothing published afterwards
	 * is missed.
	 * @param sessionId the session id
	 * @return the events
	 */
	Flux<HandshakeEvent> subscribe(String sessionId);

	/**
	 * The events of a session, preceded by a greeting that is emitted once the
	 * subscription is active: whoever has seen the greeting misses no event published
	 * afterwards. Broadcasts that subscribe asynchronously (for example over the network)
	 * override this to hold the greeting back until they are subscribed.
	 * @param sessionId the session id
	 * @param greeting the first element, such as the {@code connected} event
	 * @return the greeting, then the events
	 */
	default Flux<HandshakeEvent> subscribe(String sessionId, HandshakeEvent greeting) {
		return subscribe(sessionId).startWith(greeting);
	}

	/**
	 * How many connections currently watch a session.
	 * @param sessionId the session id
	 * @return the number of subscribers
	 */
	Mono<Integer> connections(String sessionId);

}
