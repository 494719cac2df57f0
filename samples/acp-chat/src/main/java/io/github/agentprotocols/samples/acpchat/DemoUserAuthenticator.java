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

package io.github.agentprotocols.samples.acpchat;

import java.util.regex.Pattern;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Demo-only ACP authenticator: the caller is whoever the request says it is, the user
 * named by the {@code X-Demo-User} header on REST and by {@code auth.user} on Socket.IO,
 * with the public tenant {@code {}}. A request without a valid name is unauthenticated. A
 * real application authenticates its callers, for example through Spring Security.
 */
@Component
public class DemoUserAuthenticator implements AcpAuthenticator {

	/** The REST header that names the user. */
	public static final String USER_HEADER = "X-Demo-User";

	/** The key of the Socket.IO {@code auth} object that names the user. */
	public static final String AUTH_USER = "user";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

	@Override
	public Mono<Identity> authenticate(HandshakeData handshake) {
		Object user = HandshakeData.SOCKET_IO.equals(handshake.transport()) ? handshake.auth().get(AUTH_USER)
				: handshake.header(USER_HEADER);
		if (user instanceof String name && NAME.matcher(name).matches()) {
			return Mono.just(Identity.user(name, name));
		}
		return Mono.empty();
	}

}
