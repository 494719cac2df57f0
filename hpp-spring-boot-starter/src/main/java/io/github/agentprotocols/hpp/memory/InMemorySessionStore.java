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

package io.github.agentprotocols.hpp.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.SessionLimitExceededException;
import io.github.agentprotocols.hpp.SessionStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link SessionStore} in a concurrent map, bounded by a maximum number of sessions in
 * all and of live sessions per owner. Each session's updates are applied one at a time in
 * its {@link SessionLane}, without blocking a caller that finds it busy. Suits a single
 * instance; sessions do not survive a restart.
 */
public class InMemorySessionStore implements SessionStore {

	private final Map<String, SessionLane> sessions = new ConcurrentHashMap<>();

	private final int maxSessions;

	private final int maxSessionsPerOwner;

	private final Clock clock;

	/**
	 * Creates a store.
	 * @param maxSessions the maximum number of sessions held at once
	 * @param maxSessionsPerOwner the maximum number of live sessions of one owner, or 0
	 * for no limit
	 * @param clock the clock that tells live sessions from expired ones
	 */
	public InMemorySessionStore(int maxSessions, int maxSessionsPerOwner, Clock clock) {
		this.maxSessions = maxSessions;
		this.maxSessionsPerOwner = maxSessionsPerOwner;
		this.clock = clock;
	}

	@Override
	public Mono<Void> create(HandshakeSession session) {
		return Mono.fromRunnable(() -> {
			if (this.sessions.size() >= this.maxSessions) {
				evictExpired(this.clock.instant());
			}
			synchronized (this.sessions) {
				if (this.sessions.size() >= this.maxSessions) {
					throw new SessionLimitExceededException(this.maxSessions);
				}
				String owner = session.getOwner();
				if (owner != null && this.maxSessionsPerOwner > 0
						&& liveSessionsOf(owner, this.clock.instant()) >= this.maxSessionsPerOwner) {
					throw new SessionLimitExceededException(owner, this.maxSessionsPerOwner);
				}
				this.sessions.put(session.getId(), new SessionLane(session));
			}
		});
	}

	@Override
	public <T> Mono<T> update(String sessionId, Function<HandshakeSession, T> change) {
		return Mono.defer(() -> {
			SessionLane lane = this.sessions.get(sessionId);
			return (lane != null) ? lane.update(change) : Mono.empty();
		});
	}

	@Override
	public Mono<Boolean> remove(String sessionId) {
		return Mono.fromSupplier(() -> this.sessions.remove(sessionId) != null);
	}

	@Override
	public Flux<String> removeExpired(Instant now) {
		return Flux.defer(() -> Flux.fromIterable(evictExpired(now)));
	}

	@Override
	public Mono<Long> count() {
		return Mono.fromSupplier(() -> (long) this.sessions.size());
	}

	private long liveSessionsOf(String owner, Instant now) {
		return this.sessions.values()
			.stream()
			.filter((lane) -> lane.test((session) -> owner.equals(session.getOwner()) && !session.isExpired(now)))
			.count();
	}

	private List<String> evictExpired(Instant now) {
		List<String> expired = this.sessions.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().test((session) -> session.isExpired(now)))
			.map(Map.Entry::getKey)
			.toList();
		return expired.stream().filter((id) -> this.sessions.remove(id) != null).toList();
	}

}
