package io.github.agentprotocols.hpp.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.agentprotocols.hpp.HandshakeSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link SessionStore} in a concurrent map, bounded by a maximum number of sessions. Each
 * session is its own lock. Suits a single instance; sessions do not survive a restart.
 */
public class InMemorySessionStore implements SessionStore {

	private final Map<String, HandshakeSession> sessions = new ConcurrentHashMap<>();

	private final int maxSessions;

	private final Clock clock;

	/**
	 * Creates a store.
	 * @param maxSessions the maximum number of sessions held at once
	 * @param clock the clock used to evict expired sessions when the store is full
	 */
	public InMemorySessionStore(int maxSessions, Clock clock) {
		this.maxSessions = maxSessions;
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
				this.sessions.put(session.getId(), session);
			}
		});
	}

	@Override
	public <T> Mono<T> update(String sessionId, Function<HandshakeSession, T> change) {
		return Mono.fromSupplier(() -> {
			HandshakeSession session = this.sessions.get(sessionId);
			if (session == null) {
				return null;
			}
			synchronized (session) {
				return change.apply(session);
			}
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

	private List<String> evictExpired(Instant now) {
		List<String> expired = this.sessions.entrySet().stream().filter((entry) -> {
			synchronized (entry.getValue()) {
				return entry.getValue().isExpired(now);
			}
		}).map(Map.Entry::getKey).toList();
		return expired.stream().filter((id) -> this.sessions.remove(id) != null).toList();
	}

}
