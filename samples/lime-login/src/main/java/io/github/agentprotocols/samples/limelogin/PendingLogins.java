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
import java.util.Comparator;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The login requests the page started, each waiting for its outcome from the LIME event
 * stream: an approval whose passport verifies for the request (logged in as its agent), a
 * passport that does not (refused), or the request's expiry. A request is forgotten a
 * minute after it ended, and at most {@code lime-login.max-pending-logins} are kept
 * ({@value #DEFAULT_LIMIT} unless set): beyond that a new one is refused, before it is
 * created at LIME, until one is forgotten.
 */
@Component
public class PendingLogins {

	/** How many login requests are kept at most, waiting or lately ended. */
	static final int DEFAULT_LIMIT = 1_000;

	/**
	 * How long after its end a request is still known, so a late page sees its end.
	 */
	private static final Duration RETENTION = Duration.ofMinutes(1);

	/** How long after its expiry a request with no event from LIME counts as expired. */
	private static final Duration EXPIRY_GRACE = Duration.ofSeconds(10);

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final LimeSite lime;

	private final Clock clock;

	private final int limit;

	/** Places taken by requests being created at LIME; guarded by this object. */
	private int reserved;

	/**
	 * Pending logins, at most {@value #DEFAULT_LIMIT}.
	 * @param lime the LIME site, to verify passports
	 * @param clock the clock that tells expiry and retention
	 */
	public PendingLogins(LimeSite lime, Clock clock) {
		this(lime, clock, DEFAULT_LIMIT);
	}

	/**
	 * Pending logins, at most as many as given.
	 * @param lime the LIME site, to verify passports
	 * @param clock the clock that tells expiry and retention
	 * @param limit how many are kept at most, waiting or lately ended
	 * ({@code lime-login.max-pending-logins})
	 */
	@Autowired
	public PendingLogins(LimeSite lime, Clock clock,
			@Value("${lime-login.max-pending-logins:" + DEFAULT_LIMIT + "}") int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("lime-login.max-pending-logins must be at least 1, not " + limit);
		}
		this.lime = lime;
		this.clock = clock;
		this.limit = limit;
	}

	/**
	 * Create a login request, once there is a place for it, and wait for its outcome.
	 * @param creation the call that creates the request at LIME, made only once a place
	 * is free
	 * @return the created request; {@link TooManyPendingLoginsException} when every place
	 * is taken
	 */
	Mono<LoginRequest> start(Mono<LoginRequest> creation) {
		return Mono.defer(() -> {
			reserve();
			return creation.doOnNext(this::add).doFinally((signal) -> release());
		});
	}

	private synchronized void reserve() {
		Instant now = this.clock.instant();
		this.pending.values().removeIf((entry) -> entry.isForgotten(now));
		if (this.pending.size() + this.reserved >= this.limit) {
			Instant firstForgotten = this.pending.values()
				.stream()
				.map(Pending::forgetAt)
				.min(Comparator.naturalOrder())
				.orElse(now);
			throw new TooManyPendingLoginsException(Duration.between(now, firstForgotten));
		}
		this.reserved++;
	}

	private synchronized void release() {
		this.reserved--;
	}

	/**
	 * Wait for the outcome of a login request, whatever the limit.
	 * @param request the created request
	 */
	void add(LoginRequest request) {
		this.pending.put(request.requestId(), new Pending(request.expiresAt()));
	}

	/**
	 * Whether a request was started here and is not forgotten.
	 * @param requestId the login request id
	 * @return whether it is known
	 */
	boolean contains(String requestId) {
		return find(requestId) != null;
	}

	/**
	 * The outcome of a request, once LIME told it, or {@code expired} when LIME stayed
	 * silent past the request's expiry.
	 * @param requestId the login request id
	 * @return the outcome, or {@code null} if the request is unknown
	 */
	@Nullable Mono<LoginOutcome> outcome(String requestId) {
		Pending entry = find(requestId);
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
		Pending entry = find(event.requestId());
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
		Pending entry = find(event.requestId());
		if (entry != null) {
			settle(entry, LoginOutcome.expired());
		}
	}

	private @Nullable Pending find(String requestId) {
		Pending entry = this.pending.get(requestId);
		if (entry != null && entry.isForgotten(this.clock.instant())) {
			this.pending.remove(requestId, entry);
			return null;
		}
		return entry;
	}

	private void settle(Pending entry, LoginOutcome outcome) {
		if (entry.outcome.tryEmitValue(outcome).isSuccess()) {
			entry.ended(this.clock.instant());
		}
	}

	private static final class Pending {

		private final Instant expiresAt;

		private final Sinks.One<LoginOutcome> outcome = Sinks.one();

		private final AtomicBoolean verifying = new AtomicBoolean();

		/** When the request is forgotten: a while after its end, or its expiry. */
		private volatile Instant forgetAt;

		private Pending(Instant expiresAt) {
			this.expiresAt = expiresAt;
			this.forgetAt = expiresAt.plus(EXPIRY_GRACE).plus(RETENTION);
		}

		Instant forgetAt() {
			return this.forgetAt;
		}

		void ended(Instant at) {
			Instant end = at.plus(RETENTION);
			if (end.isBefore(this.forgetAt)) {
				this.forgetAt = end;
			}
		}

		boolean isForgotten(Instant now) {
			return !now.isBefore(this.forgetAt);
		}

	}

}
