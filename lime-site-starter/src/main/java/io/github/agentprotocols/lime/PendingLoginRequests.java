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
