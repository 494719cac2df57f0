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

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;

/**
 * Where handshake sessions live. The in-memory store is the default; a shared store (for
 * example Redis, selected with {@code hpp.store}) lets several instances serve one
 * session. Declare a bean of this type to replace the default.
 * <p>
 * All reads and writes of a session go through {@link #update}, which must apply its
 * function atomically with respect to other updates of the same session. Implementations
 * that retry optimistically may call the function more than once; it only mutates the
 * session it is given and returns a value, so retries are safe.
 * <p>
 * A store that keeps the request windows apart may hand them over as
 * {@linkplain RequestWindow#ofSummary summaries}: they admit and refuse requests as the
 * whole windows would at the store's clock, but do not list the requests they count.
 * <p>
 * The engine's most frequent operations, {@link #admit admitting an agent request} and
 * {@link #writeAsAgent the agent's writes}, are updates with a known meaning: a store may
 * carry them out itself, for example in one server-side script, instead of handing the
 * session to a function.
 */
public interface SessionStore {

	/**
	 * Stores a new session.
	 * @param session the session
	 * @return completes when stored; fails with {@link SessionLimitExceededException}
	 * when the store is full
	 */
	Mono<Void> create(HandshakeSession session);

	/**
	 * Applies a function to the current state of a session and persists the state it
	 * leaves. Expired sessions are still handed over: the caller decides what expiry
	 * means.
	 * @param <T> the result type
	 * @param sessionId the session id
	 * @param change mutates the session and returns a non-null result
	 * @return the function's result, or empty if no session has this id
	 */
	<T> Mono<T> update(String sessionId, Function<HandshakeSession, T> change);

	/**
	 * Admits an agent request to a session and, once admitted, runs read-only work on it.
	 * By default one {@link #update} that runs {@link Admission#apply}.
	 * @param <T> the work's result type
	 * @param sessionId the session id
	 * @param admission the request
	 * @param work reads the admitted session and returns a non-null result; it must not
	 * change the session
	 * @return the outcome, or empty if no session has this id
	 */
	default <T> Mono<Admission.Admitted<T>> admit(String sessionId, Admission admission,
			BiFunction<HandshakeSession, Instant, T> work) {
		return update(sessionId, (session) -> admission.apply(session, work));
	}

	/**
	 * Admits an agent's action request and, once admitted, reserves its batch's place in
	 * the delivery backlog, as {@link #admit} followed by {@link PacedDelivery#reserve}
	 * do, which is the default. A store that shares its server with the delivery may do
	 * both in one step. A place the delivery cannot reserve for another reason than a
	 * full backlog is left unreserved: its batch is then queued as
	 * {@link PacedDelivery#enqueue} queues one.
	 * @param <T> the work's result type
	 * @param sessionId the session id
	 * @param admission the request
	 * @param work reads the admitted session and returns a non-null result; it must not
	 * change the session
	 * @param delivery the delivery that will queue the request's batch
	 * @return the outcome, whose value comes with the reserved place when granted, or
	 * empty if no session has this id; fails with a {@link DeliveryBacklogFullException}
	 * when the backlog is full, the request still counted against its budget
	 */
	default <T> Mono<Admission.Admitted<PacedDelivery.Reserved<T>>> admitAction(String sessionId, Admission admission,
			BiFunction<HandshakeSession, Instant, T> work, PacedDelivery delivery) {
		return admit(sessionId, admission, work).flatMap((admitted) -> {
			T value = admitted.value();
			if (admitted.outcome() != Admission.Outcome.GRANTED || value == null) {
				return Mono.just(new Admission.Admitted<>(admitted.outcome(), null, admitted.retryAfterSeconds()));
			}
			return delivery.reserve(sessionId)
				.onErrorResume((ex) -> !(ex instanceof DeliveryBacklogFullException),
						(ex) -> Mono.just(UnreservedSlot.after(ex, delivery, sessionId)))
				.map((slot) -> new Admission.Admitted<>(Admission.Outcome.GRANTED,
						new PacedDelivery.Reserved<>(value, slot), 0));
		});
	}

	/**
	 * Applies the agent's writes of one action request. By default one {@link #update}
	 * that runs {@link AgentWrites#apply}.
	 * @param sessionId the session id
	 * @param writes the writes, in order
	 * @param policy limits and options of the writes
	 * @param now the current time
	 * @param copySession whether the outcome carries a copy of the session after the
	 * writes
	 * @return the outcome, or empty if no session has this id
	 */
	default Mono<AgentWrites> writeAsAgent(String sessionId, List<AgentWrites.Write> writes,
			HandshakeSession.WritePolicy policy, Instant now, boolean copySession) {
		return update(sessionId, (session) -> AgentWrites.apply(session, writes, policy, now, copySession));
	}

	/**
	 * The schema of a session whose agent this store has admitted with the given token,
	 * when the store knows it without asking its server: the engine may then check an
	 * action's writes before the request is admitted, and {@linkplain #admitWrites admit
	 * and write them in one step}. A session's schema and token never change. By default
	 * none, and action requests are admitted before their body is read.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @return the schema, or {@code null} when the token was not admitted to the session
	 * or the store does not say
	 */
	default @Nullable ArrayNode knownSchema(String sessionId, @Nullable String token) {
		return null;
	}

	/**
	 * Admits an agent's action request with its batch's place reserved, then applies the
	 * agent's writes at the time of the request, as {@link #admitAction} followed by
	 * {@link #writeAsAgent} do, which is the default; a store may do both in one step.
	 * @param sessionId the session id
	 * @param admission the request
	 * @param writes the writes, in order
	 * @param policy limits and options of the writes
	 * @param copySession whether the outcome carries a copy of the session after the
	 * writes
	 * @param batch the request's batch as it is when every write is applied, which the
	 * store may publish in the same step (the place returned is then filled with it), or
	 * {@code null} when its events are paced; the default ignores it
	 * @param delivery the delivery that will queue the request's batch
	 * @return the outcome, whose value is the writes' with the reserved place when
	 * granted, or empty if no session has this id; fails as {@link #admitAction} does
	 */
	default Mono<Admission.Admitted<PacedDelivery.Reserved<AgentWrites>>> admitWrites(String sessionId,
			Admission admission, List<AgentWrites.Write> writes, HandshakeSession.WritePolicy policy,
			boolean copySession, AgentWrites.@Nullable UnpacedBatch batch, PacedDelivery delivery) {
		return admitAction(sessionId, admission, (session, now) -> now, delivery).flatMap((admitted) -> {
			PacedDelivery.Reserved<Instant> reserved = admitted.value();
			if (admitted.outcome() != Admission.Outcome.GRANTED || reserved == null) {
				return Mono.just(new Admission.Admitted<>(admitted.outcome(), null, admitted.retryAfterSeconds()));
			}
			PacedDelivery.Slot slot = reserved.slot();
			Mono<Void> release = slot.release().onErrorResume((ex) -> Mono.empty());
			return writeAsAgent(sessionId, writes, policy, admission.now(), copySession)
				.map((written) -> new Admission.Admitted<>(Admission.Outcome.GRANTED,
						new PacedDelivery.Reserved<>(written, slot), 0))
				.switchIfEmpty(release.then(Mono.empty()))
				.onErrorResume((ex) -> release.then(Mono.error(ex)));
		});
	}

	/**
	 * Removes a session.
	 * @param sessionId the session id
	 * @return whether a session was removed
	 */
	Mono<Boolean> remove(String sessionId);

	/**
	 * Removes every session that is expired at the given time.
	 * @param now the current time
	 * @return the ids of the removed sessions
	 */
	Flux<String> removeExpired(Instant now);

	/**
	 * Counts stored sessions, including expired ones not yet removed. Also serves as the
	 * store's reachability check.
	 * @return the number of sessions
	 */
	Mono<Long> count();

}
