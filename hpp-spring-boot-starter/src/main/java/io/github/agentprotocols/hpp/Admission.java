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
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * An agent request to admit to a session (spec §3.4, §6.5): the checks in their order (an
 * expired session, then the token), the touch of the idle timer, then the request budget
 * of the sliding minute.
 *
 * @param token the presented token, or null
 * @param budget which of the session's budgets the request spends
 * @param limit requests allowed per window
 * @param now the time of the request
 * @param readsChanges whether the admitted work reads the change log; a store that keeps
 * the log apart may leave it out of the session it hands to work that does not
 */
public record Admission(@Nullable String token, Budget budget, int limit, Instant now, boolean readsChanges) {

	/**
	 * Runs the checks on a session and, once they pass, the work, as an in-memory store
	 * does within one update.
	 * @param <T> the work's result type
	 * @param session the stored session
	 * @param work reads the admitted session
	 * @return the outcome
	 */
	public <T> Admitted<T> apply(HandshakeSession session, BiFunction<HandshakeSession, Instant, T> work) {
		if (session.isExpired(this.now)) {
			return Admitted.of(Outcome.EXPIRED);
		}
		if (!session.tokenMatches(this.token)) {
			return Admitted.of(Outcome.DENIED);
		}
		session.touch(this.now);
		RequestWindow window = this.budget.of(session);
		if (!window.tryAcquire(this.now, this.limit)) {
			return new Admitted<>(Outcome.LIMITED, null, window.retryAfterSeconds(this.now));
		}
		return new Admitted<>(Outcome.GRANTED, work.apply(session, this.now), 0);
	}

	/**
	 * A session's request budgets.
	 */
	public enum Budget {

		/** The budget of context, diff and action requests. */
		REQUESTS,

		/** The budget of extend requests. */
		EXTENSIONS;

		/**
		 * The window of this budget in a session.
		 * @param session the session
		 * @return the window
		 */
		public RequestWindow of(HandshakeSession session) {
			return (this == REQUESTS) ? session.getRequests() : session.getExtensions();
		}

	}

	/**
	 * What happened to a request.
	 */
	public enum Outcome {

		/** Admitted; the work ran. */
		GRANTED,

		/** The session had expired; nothing changed. */
		EXPIRED,

		/** The token did not match; nothing changed. */
		DENIED,

		/** The budget was spent; only the idle timer was touched. */
		LIMITED

	}

	/**
	 * The outcome of an admission.
	 *
	 * @param <T> the work's result type
	 * @param outcome what happened
	 * @param value the work's result when granted
	 * @param retryAfterSeconds when limited, seconds until the oldest request leaves the
	 * window
	 */
	public record Admitted<T>(Outcome outcome, @Nullable T value, long retryAfterSeconds) {

		static <T> Admitted<T> of(Outcome outcome) {
			return new Admitted<>(outcome, null, 0);
		}

	}

}
