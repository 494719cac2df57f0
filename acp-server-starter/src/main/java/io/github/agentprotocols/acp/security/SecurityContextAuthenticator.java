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

package io.github.agentprotocols.acp.security;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * An {@link AcpAuthenticator} that takes the caller from Spring Security: the
 * authenticated, non-anonymous principal of the request's security context, mapped by an
 * {@link AuthenticationIdentityMapper}. A request without one is unauthenticated. It
 * reads the reactive security context, so it sees what the application's WebFlux security
 * filter chain established for the request.
 */
public class SecurityContextAuthenticator implements AcpAuthenticator {

	private final AuthenticationIdentityMapper mapper;

	/**
	 * Creates the authenticator.
	 * @param mapper maps the principal to an identity
	 */
	public SecurityContextAuthenticator(AuthenticationIdentityMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Mono<Identity> authenticate(HandshakeData handshake) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(SecurityContextAuthenticator::isAuthenticated)
			.flatMap(this.mapper::identity);
	}

	private static boolean isAuthenticated(Authentication authentication) {
		return authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
	}

}
