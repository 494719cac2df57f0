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
 * Tells who makes a request (spec §3.2): called on every REST request and once per
 * Socket.IO namespace connect. The application declares exactly one as a bean; the
 * starter does not start without it.
 * <p>
 * Empty means unauthenticated (REST 401 {@code unauthenticated}); an error means the
 * authenticator itself failed (REST 500 {@code internal_error}), so an infrastructure
 * failure never looks like bad credentials.
 */
@FunctionalInterface
public interface AcpAuthenticator {

	/**
	 * Authenticates a request.
	 * @param handshake the request's headers, auth object and query
	 * @return the caller's identity, or empty when the request is not authenticated
	 */
	Mono<Identity> authenticate(HandshakeData handshake);

}
