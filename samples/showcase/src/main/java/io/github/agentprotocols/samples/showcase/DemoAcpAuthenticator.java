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

package io.github.agentprotocols.samples.showcase;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpLimits;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import reactor.core.publisher.Mono;

/**
 * Demo-only ACP authenticator: the caller is the user named by the {@code X-Demo-User}
 * header on REST and by {@code auth.user} on Socket.IO, and {@code guest} without one; a
 * name longer than an identity id may be is refused as unauthenticated (not a failure of
 * the authenticator, which the starter answers 500 and logs at ERROR). A real application
 * authenticates callers, for example through Spring Security (the starter adapts the
 * authenticated principal when no authenticator bean is declared).
 */
class DemoAcpAuthenticator implements AcpAuthenticator {

	static final String USER_HEADER = "X-Demo-User";

	static final String AUTH_USER = "user";

	@Override
	public Mono<Identity> authenticate(HandshakeData handshake) {
		Object user = HandshakeData.SOCKET_IO.equals(handshake.transport()) ? handshake.auth().get(AUTH_USER)
				: handshake.header(USER_HEADER);
		String id = (user instanceof String name && !name.isBlank()) ? name.strip() : "guest";
		if (id.length() > AcpLimits.MAX_IDENTITY_ID_LENGTH) {
			return Mono.empty();
		}
		return Mono.just(Identity.user(id, id));
	}

}
