package io.github.agentprotocols.acp;

import reactor.core.publisher.Mono;

/**
 * The application's policy on top of the tenant match and membership (spec §3.3 step 6,
 * §3.4): asked only after both passed. Optional: without an {@code AcpAuthorizer} bean,
 * {@link #ALLOW_ALL} applies.
 */
@FunctionalInterface
public interface AcpAuthorizer {

	/** Allows every action, as the spec's default. */
	AcpAuthorizer ALLOW_ALL = (identity, threadId, action) -> Mono.just(true);

	/**
	 * Decides whether an identity may perform an action on a thread.
	 * @param identity the caller, already a member (or a system identity administering
	 * members)
	 * @param threadId the thread
	 * @param action the action
	 * @return {@code true} to allow; {@code false} (or empty) answers 403
	 * {@code forbidden} with {@code not authorized: <action>}
	 */
	Mono<Boolean> authorize(Identity identity, String threadId, AcpAction action);

}
