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

package io.github.agentprotocols.acp.docs;

import java.util.Map;
import java.util.Objects;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The authenticator of docs/how-to/authenticate-acp-clients-with-your-jwts.md.
 */
@Configuration(proxyBeanMethods = false)
class JwtAuthentication {

	// tag::jwt-authenticator[]
	@Bean
	AcpAuthenticator acpAuthenticator(ReactiveJwtDecoder jwtDecoder) {
		return (handshake) -> {
			// Socket.IO: the CONNECT's auth object; REST: the Authorization header
			String token = handshake.transport().equals(HandshakeData.SOCKET_IO)
					? Objects.toString(handshake.auth().get("token"), "")
					: Objects.requireNonNullElse(handshake.header("authorization"), "").replaceFirst("^Bearer ", "");
			if (token.isEmpty()) {
				return Mono.empty(); // 401, CONNECT_ERROR unauthenticated
			}
			return jwtDecoder.decode(token)
				.map(JwtAuthentication::identity)
				// an invalid or expired token is refused, not answered 500
				.onErrorResume(JwtException.class, (ex) -> Mono.empty());
		};
	}

	private static Identity identity(Jwt jwt) {
		String org = jwt.getClaimAsString("org");
		Map<String, Object> tenant = (org != null) ? Map.of("organization", org) : Map.of();
		String name = Objects.requireNonNullElse(jwt.getClaimAsString("name"), jwt.getSubject());
		return new Identity(IdentityRole.USER, jwt.getSubject(), name, Map.of("tenant", tenant));
	}
	// end::jwt-authenticator[]

}
