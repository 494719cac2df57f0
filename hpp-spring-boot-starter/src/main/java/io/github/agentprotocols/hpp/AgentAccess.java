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
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Admits an agent request to a session: the checks of spec §3.4 in their order (404 for
 * an unknown or expired session, 403 for a wrong token, 429 once the session's rate
 * budget for the sliding minute is spent, §6.5), with the touch of the idle timer between
 * the token and the budget check. The admitted work reads the stored session, within the
 * same atomic {@linkplain SessionStore#admit admission}.
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
	 * Admits a request to context, action or diff, counted against the request budget,
	 * for work that may read the whole session.
	 * @param <T> the result type
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param work reads the stored session once admitted
	 * @return the work's result
	 */
	<T> Mono<T> request(String sessionId, @Nullable String token, BiFunction<HandshakeSession, Instant, T> work) {
		return request(sessionId, token, true, work);
	}

	/**
	 * Admits a request to context, action or diff, counted against the request budget.
	 * @param <T> the result type
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param readsChanges whether the work reads the change log
	 * @param work reads the stored session once admitted
	 * @return the work's result
	 */
	<T> Mono<T> request(String sessionId, @Nullable String token, boolean readsChanges,
			BiFunction<HandshakeSession, Instant, T> work) {
		return admit(sessionId, requests(token, readsChanges), work);
	}

	/**
	 * Admits an extend request, counted against the extension budget.
	 * @param <T> the result type
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param work reads the stored session once admitted
	 * @return the work's result
	 */
	<T> Mono<T> extension(String sessionId, @Nullable String token, BiFunction<HandshakeSession, Instant, T> work) {
		return admit(sessionId, new Admission(token, Admission.Budget.EXTENSIONS,
				this.settings.extendRateLimitPerMinute(), this.clock.instant(), true), work);
	}

	/**
	 * Admits an action request, counted against the request budget, and reserves its
	 * batch's place in the delivery backlog.
	 * @param <T> the result type
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param readsChanges whether the work reads the change log
	 * @param work reads the stored session once admitted
	 * @param delivery the delivery that will queue the batch
	 * @return the work's result with the reserved place; fails with a
	 * {@link DeliveryBacklogFullException} when the backlog is full
	 */
	<T> Mono<PacedDelivery.Reserved<T>> action(String sessionId, @Nullable String token, boolean readsChanges,
			BiFunction<HandshakeSession, Instant, T> work, PacedDelivery delivery) {
		return outcome(sessionId, this.store.admitAction(sessionId, requests(token, readsChanges), work, delivery));
	}

	/**
	 * Admits an action request, counted against the request budget, with its batch's
	 * place in the delivery backlog reserved, and applies the agent's writes at the time
	 * of the request ({@link SessionStore#admitWrites}).
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param writes the writes, in order
	 * @param copySession whether the outcome carries a copy of the session after the
	 * writes
	 * @param batch the batch when every write is applied, which the store may publish in
	 * the same step, or {@code null} when its events are paced
	 * @param delivery the delivery that will queue the batch
	 * @return the writes' outcome with the reserved place; fails with a
	 * {@link DeliveryBacklogFullException} when the backlog is full
	 */
	Mono<PacedDelivery.Reserved<AgentWrites>> actionWrites(String sessionId, @Nullable String token,
			List<AgentWrites.Write> writes, boolean copySession, AgentWrites.@Nullable UnpacedBatch batch,
			PacedDelivery delivery) {
		return outcome(sessionId, this.store.admitWrites(sessionId, requests(token, false), writes,
				this.settings.writePolicy(), copySession, batch, delivery));
	}

	private Admission requests(@Nullable String token, boolean readsChanges) {
		return new Admission(token, Admission.Budget.REQUESTS, this.settings.rateLimitPerMinute(), this.clock.instant(),
				readsChanges);
	}

	private <T> Mono<T> admit(String sessionId, Admission admission, BiFunction<HandshakeSession, Instant, T> work) {
		return outcome(sessionId, this.store.admit(sessionId, admission, work));
	}

	private <T> Mono<T> outcome(String sessionId, Mono<Admission.Admitted<T>> admission) {
		return admission.switchIfEmpty(Mono.error(HandshakeException::sessionNotFound))
			.flatMap((admitted) -> switch (admitted.outcome()) {
				case GRANTED -> Mono.just(admitted.value());
				case EXPIRED -> this.expiry.expireAndRefuse(sessionId);
				case DENIED -> Mono.error(HandshakeException.invalidToken());
				case LIMITED -> {
					this.metrics.rateLimited();
					yield Mono.error(new HandshakeException(429, "rate limit exceeded", admitted.retryAfterSeconds()));
				}
			});
	}

}
