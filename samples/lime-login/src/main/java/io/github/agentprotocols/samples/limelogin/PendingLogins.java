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

package io.github.agentprotocols.samples.limelogin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.LimeLoginExpiredEvent;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.LimeSite;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The login requests the page started, each waiting for its outcome from the LIME event
 * stream: an approval whose passport verifies for the request (logged in as its agent), a
 * passport that does not (refused), or the request's expiry. Requests are forgotten a
 * while after they expired.
 */
@Component
public class PendingLogins {

	/**
	 * How long after its expiry a request is still known, so a late page sees its end.
	 */
	private static final Duration RETENTION = Duration.ofMinutes(5);

	/** How long after its expiry a request with no event from LIME counts as expired. */
	private static final Duration EXPIRY_GRACE = Duration.ofSeconds(10);

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final LimeSite lime;

	private final Clock clock;

	public PendingLogins(LimeSite lime, Clock clock) {
		this.lime = lime;
		this.clock = clock;
	}

	/**
	 * Wait for the outcome of a login request the page started.
	 * @param request the created request
	 */
	void add(LoginRequest request) {
		Instant now = this.clock.instant();
		this.pending.values().removeIf((entry) -> entry.expiresAt.plus(RETENTION).isBefore(now));
		this.pending.put(request.requestId(), new Pending(request.expiresAt()));
	}

	/**
	 * Whether a request was started here and is not forgotten.
	 * @param requestId the login request id
	 * @return whether it is known
	 */
	boolean contains(String requestId) {
		return this.pending.containsKey(requestId);
	}

	/**
	 * The outcome of a request, once LIME told it, or {@code expired} when LIME stayed
	 * silent past the request's expiry.
	 * @param requestId the login request id
	 * @return the outcome, or {@code null} if the request is unknown
	 */
	@Nullable Mono<LoginOutcome> outcome(String requestId) {
		Pending entry = this.pending.get(requestId);
		if (entry == null) {
			return null;
		}
		Duration left = Duration.between(this.clock.instant(), entry.expiresAt.plus(EXPIRY_GRACE));
		return entry.outcome.asMono().timeout(left.isNegative() ? Duration.ZERO : left, Mono.defer(() -> {
			settle(entry, LoginOutcome.expired());
			return entry.outcome.asMono();
		}));
	}

	@EventListener
	void approved(LimeLoginApprovedEvent event) {
		Pending entry = this.pending.get(event.requestId());
		if (entry == null || !entry.verifying.compareAndSet(false, true)) {
			return;
		}
		try {
			Passport passport = this.lime.blocking().verifyPassport(event.passportJwt(), event.requestId());
			settle(entry, LoginOutcome.loggedIn((passport.agentId() != null) ? passport.agentId() : "an agent"));
		}
		catch (InvalidPassportException ex) {
			settle(entry, LoginOutcome.refused(ex.getMessage()));
		}
	}

	@EventListener
	void expired(LimeLoginExpiredEvent event) {
		Pending entry = this.pending.get(event.requestId());
		if (entry != null) {
			settle(entry, LoginOutcome.expired());
		}
	}

	private static void settle(Pending entry, LoginOutcome outcome) {
		entry.outcome.tryEmitValue(outcome);
	}

	private static final class Pending {

		private final Instant expiresAt;

		private final Sinks.One<LoginOutcome> outcome = Sinks.one();

		private final AtomicBoolean verifying = new AtomicBoolean();

		private Pending(Instant expiresAt) {
			this.expiresAt = expiresAt;
		}

	}

}
