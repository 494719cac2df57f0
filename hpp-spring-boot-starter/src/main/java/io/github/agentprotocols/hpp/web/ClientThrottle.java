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

package io.github.agentprotocols.hpp.web;

import reactor.core.publisher.Mono;

/**
 * Counts something each client does (a failed token attempt, a session created) in a
 * sliding minute and, once a client reaches the limit, refuses it until the oldest count
 * leaves the window. A limit of 0 turns the throttle off.
 */
public interface ClientThrottle {

	/**
	 * Whether a client is refused, and for how long. Called before every agent request,
	 * so it answers without a round trip to a store.
	 * @param client the client's address
	 * @return seconds until the client may try again, or 0 if it may now
	 */
	Mono<Long> retryAfterSeconds(String client);

	/**
	 * Counts one more of a client's attempts (a failed token attempt), whether or not it
	 * is refused.
	 * @param client the client's address
	 * @return completes once counted
	 */
	Mono<Void> record(String client);

	/**
	 * Counts an attempt (a session creation) unless the client is refused.
	 * @param client the client's address
	 * @return 0 when counted, else seconds until the client may try again
	 */
	Mono<Long> tryAcquire(String client);

}
