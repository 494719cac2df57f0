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

import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The events of one action batch as the browser receives them: each {@code action} event
 * followed by a pause, then the {@code done} event.
 *
 * @param actions the action events, in order
 * @param done the closing event
 * @param pause the pause after each action event
 */
public record PacedBatch(List<HandshakeEvent> actions, HandshakeEvent done, Duration pause) {

	private static final Log logger = LogFactory.getLog(PacedBatch.class);

	/**
	 * Publishes the batch, pausing as it goes. An event that cannot be published is
	 * logged and skipped.
	 * @param broadcast where the events go
	 * @param sessionId the session id
	 * @return completes after the done event
	 */
	public Mono<Void> publish(SessionBroadcast broadcast, String sessionId) {
		return Flux.fromIterable(this.actions)
			.concatMap((event) -> publish(broadcast, sessionId, event)
				.then(this.pause.isZero() ? Mono.empty() : Mono.delay(this.pause)))
			.then(Mono.defer(() -> publish(broadcast, sessionId, this.done)));
	}

	private static Mono<Void> publish(SessionBroadcast broadcast, String sessionId, HandshakeEvent event) {
		return broadcast.publish(sessionId, event).onErrorResume((ex) -> {
			logger.warn("Could not deliver '" + event.type() + "' event of a handshake session", ex);
			return Mono.empty();
		});
	}

}
