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

import java.time.Clock;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Ends expired sessions (spec §6.2, §6.4): removes them from the store, counts them and
 * tells their WebSocket connections {@code {"type":"error","msg":"session expired"}}.
 */
final class SessionExpiry {

	private static final Log logger = LogFactory.getLog(SessionExpiry.class);

	private final SessionStore store;

	private final SessionBroadcast broadcast;

	private final HandshakeMetrics metrics;

	private final Clock clock;

	SessionExpiry(SessionStore store, SessionBroadcast broadcast, HandshakeMetrics metrics, Clock clock) {
		this.store = store;
		this.broadcast = broadcast;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Ends a session found expired on lookup, then refuses the request that found it.
	 * @param <T> the type of the refused result
	 * @param sessionId the session id
	 * @return fails with 404 {@code session not found or expired}
	 */
	<T> Mono<T> expireAndRefuse(String sessionId) {
		return expire(sessionId).then(Mono.error(HandshakeException.sessionNotFound()));
	}

	/**
	 * Ends a session found expired on lookup, unless another request already did.
	 * @param sessionId the session id
	 * @return completes when removed and announced
	 */
	Mono<Void> expire(String sessionId) {
		return this.store.remove(sessionId).flatMap((removed) -> {
			if (!removed) {
				return Mono.empty();
			}
			this.metrics.sessionsExpired(1);
			return announce(sessionId);
		});
	}

	/**
	 * Ends every expired session.
	 * @return the number of sessions removed
	 */
	Mono<Integer> removeExpired() {
		return this.store.removeExpired(this.clock.instant())
			.concatMap((sessionId) -> announce(sessionId).thenReturn(sessionId))
			.count()
			.map((count) -> {
				this.metrics.sessionsExpired(count.intValue());
				return count.intValue();
			});
	}

	private Mono<Void> announce(String sessionId) {
		return this.broadcast.publish(sessionId, HandshakeEvent.error("session expired")).onErrorResume((ex) -> {
			logger.warn("Could not announce the expiry of a handshake session", ex);
			return Mono.empty();
		});
	}

}
