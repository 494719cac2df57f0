package io.github.agentprotocols.hpp;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Admits an agent request to a session: the checks of spec §3.4 in their order (404 for
 * an unknown or expired session, 403 for a wrong token, 429 once the session's rate
 * budget for the sliding minute is spent, §6.5), with the touch of the idle timer between
 * the token and the budget check. The admitted work runs on the stored session, within
 * the same atomic update.
 */
final class AgentAccess {

	private final SessionStore store;

	private final SessionExpiry expiry;

	private final HandshakeSettings settings;

	private final HandshakeMetrics metrics;

	private final Clock clock;

	AgentAccess(SessionStore store, SessionExpiry expiry, HandshakeSettings settings, HandshakeMetrics metrics,
			Clock clock) {
		this.store = store;
		this.expiry = expiry;
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Admits a request to context, action or diff, counted against the request budget.
	 * @param <T> the result type
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param work runs on the stored session once admitted
	 * @return the work's result
	 */
	<T> Mono<T> request(String sessionId, @Nullable String token, BiFunction<HandshakeSession, Instant, T> work) {
		return admit(sessionId, token, HandshakeSession::getRequests, this.settings.rateLimitPerMinute(), work);
	}

	/**
	 * Admits an extend request, counted against the extension budget.
	 * @param <T> the result type
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param work runs on the stored session once admitted
	 * @return the work's result
	 */
	<T> Mono<T> extension(String sessionId, @Nullable String token, BiFunction<HandshakeSession, Instant, T> work) {
		return admit(sessionId, token, HandshakeSession::getExtensions, this.settings.extendRateLimitPerMinute(), work);
	}

	private <T> Mono<T> admit(String sessionId, @Nullable String token,
			Function<HandshakeSession, RequestWindow> budget, int limit,
			BiFunction<HandshakeSession, Instant, T> work) {
		Instant now = this.clock.instant();
		return this.store.update(sessionId, (session) -> {
			if (session.isExpired(now)) {
				return Access.<T>of(Access.Outcome.EXPIRED);
			}
			if (!session.tokenMatches(token)) {
				return Access.<T>of(Access.Outcome.DENIED);
			}
			session.touch(now);
			RequestWindow window = budget.apply(session);
			if (!window.tryAcquire(now, limit)) {
				return new Access<T>(Access.Outcome.LIMITED, null, window.retryAfterSeconds(now));
			}
			return new Access<>(Access.Outcome.GRANTED, work.apply(session, now), 0);
		})
			.switchIfEmpty(Mono.error(HandshakeException::sessionNotFound))
			.flatMap((access) -> switch (access.outcome()) {
				case GRANTED -> Mono.just(access.value());
				case EXPIRED -> this.expiry.expireAndRefuse(sessionId);
				case DENIED -> Mono.error(HandshakeException.invalidToken());
				case LIMITED -> {
					this.metrics.rateLimited();
					yield Mono.error(new HandshakeException(429, "rate limit exceeded", access.retryAfterSeconds()));
				}
			});
	}

	private record Access<T>(Outcome outcome, @Nullable T value, long retryAfterSeconds) {

		static <T> Access<T> of(Outcome outcome) {
			return new Access<>(outcome, null, 0);
		}

		enum Outcome {

			GRANTED, EXPIRED, DENIED, LIMITED

		}

	}

}
