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
