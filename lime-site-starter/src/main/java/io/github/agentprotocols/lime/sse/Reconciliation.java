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

package io.github.agentprotocols.lime.sse;

import java.time.Clock;
import java.util.function.Function;

import io.github.agentprotocols.lime.LimeApiException;
import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeEvent.Type;
import io.github.agentprotocols.lime.LoginStatus;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the pending login requests that expired while the stream may have missed their
 * {@code expired} event (spec §4.7): those whose {@code expires_at} has passed, and those
 * LIME reports {@code EXPIRED}, past their {@code expires_at}, or does not know
 * ({@code SITE_LOGIN_REQUEST_NOT_FOUND}). The others stay pending: their events may still
 * come, and an approval missed cannot be recovered (LIME does not hand out the passport
 * again).
 */
final class Reconciliation {

	private static final String NOT_FOUND = "SITE_LOGIN_REQUEST_NOT_FOUND";

	private static final int CONCURRENT_POLLS = 4;

	private static final Log logger = LogFactory.getLog(Reconciliation.class);

	private final PendingLoginRequests pendingRequests;

	private final Function<String, Mono<LoginStatus>> statusLookup;

	private final Clock clock;

	Reconciliation(PendingLoginRequests pendingRequests, Function<String, Mono<LoginStatus>> statusLookup,
			Clock clock) {
		this.pendingRequests = pendingRequests;
		this.statusLookup = statusLookup;
		this.clock = clock;
	}

	/**
	 * The expiries of the pending requests that are over.
	 * @return an {@code expired} event per request found over
	 */
	Flux<LimeEvent> expiries() {
		return this.pendingRequests.pending().flatMap(this::check, CONCURRENT_POLLS).onErrorResume((ex) -> {
			logger.warn("Could not read the pending LIME login requests to reconcile them", ex);
			return Mono.empty();
		});
	}

	private Mono<LimeEvent> check(PendingLoginRequest request) {
		LimeEvent expired = new LimeEvent(Type.EXPIRED, request.requestId(), null, null);
		if (!this.clock.instant().isBefore(request.expiresAt())) {
			return Mono.just(expired);
		}
		return this.statusLookup.apply(request.requestId())
			.filter((status) -> status.isExpiredAt(this.clock.instant()))
			.map((status) -> expired)
			.onErrorResume((ex) -> {
				if (ex instanceof LimeApiException api && NOT_FOUND.equals(api.getCode())) {
					return Mono.just(expired);
				}
				logger.debug("Could not poll the status of LIME login request " + request.requestId(), ex);
				return Mono.empty();
			});
	}

}
