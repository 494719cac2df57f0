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

package io.github.agentprotocols.lime;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The login requests created through
 * {@link io.github.agentprotocols.lime.site.LimeSite#createLoginRequest()} whose approval
 * or expiry has not been seen on the event stream yet. After each connection to the
 * stream the dispatcher polls their status, so that an expiry missed while it was
 * disconnected is still delivered (spec §4.7). A store keeps a request at most a while
 * past its {@code expires_at} and holds a bounded number of them. Share one store between
 * the instances of a site, so that the instance reading the stream reconciles the
 * requests the others created.
 */
public interface PendingLoginRequests {

	/**
	 * A store that remembers nothing, so nothing is reconciled.
	 */
	PendingLoginRequests NONE = new PendingLoginRequests() {

		@Override
		public Mono<Void> add(String requestId, Instant expiresAt) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> remove(String requestId) {
			return Mono.empty();
		}

		@Override
		public Flux<PendingLoginRequest> pending() {
			return Flux.empty();
		}

	};

	/**
	 * Remember a login request just created.
	 * @param requestId the login request id
	 * @param expiresAt its {@code expires_at}
	 * @return completes once remembered
	 */
	Mono<Void> add(String requestId, Instant expiresAt);

	/**
	 * Forget a login request whose outcome arrived.
	 * @param requestId the login request id
	 * @return completes once forgotten
	 */
	Mono<Void> remove(String requestId);

	/**
	 * The requests remembered, in no particular order.
	 * @return the pending requests
	 */
	Flux<PendingLoginRequest> pending();

}
