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

import java.util.List;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Exempts the requests of the Socket.IO transport on the application's port from Spring
 * Security's CSRF protection, and only those: no Socket.IO client sends a CSRF token, so
 * its long-polling POSTs would be refused 403. As a bean (the starter declares one) it is
 * applied by Spring Security to every {@link ServerHttpSecurity} it provides, before the
 * chain's own configuration: Spring Boot's default chain and the application's own chains
 * built from the injected {@code ServerHttpSecurity}. A chain that sets its own
 * {@link ServerHttpSecurity.CsrfSpec#requireCsrfProtectionMatcher CSRF matcher} replaces
 * the exemption, and keeps it with {@link #requireCsrfProtection}.
 * <p>
 * Without the CSRF token, a Socket.IO POST is safe all the same: each request names its
 * Engine.IO session ({@code sid}), which the server gives only in the answer to the
 * session's handshake, and the bridge refuses with 403 every request whose {@code Origin}
 * is not allowed ({@code acp.socketio.allowed-origins}), as browsers send one with every
 * cross-origin POST and WebSocket. The caller is authenticated at each namespace connect
 * by the {@code AcpAuthenticator}, whatever the chain did.
 */
public final class SocketIoCsrfExemption implements Customizer<ServerHttpSecurity.CsrfSpec> {

	private final ServerWebExchangeMatcher socketIoRequests;

	/**
	 * Creates the exemption of the given Engine.IO paths.
	 * @param paths the Engine.IO paths, such as {@code /socket.io}: every request under
	 * one of them is exempt
	 */
	public SocketIoCsrfExemption(List<String> paths) {
		this.socketIoRequests = ServerWebExchangeMatchers
			.pathMatchers(paths.stream().map((path) -> path + "/**").toArray(String[]::new));
	}

	/**
	 * The requests to protect from CSRF: those the given matcher requires it for, except
	 * the Socket.IO transport's.
	 * @param protectedRequests the requests the chain protects, such as
	 * {@link CsrfWebFilter#DEFAULT_CSRF_MATCHER}
	 * @return the matcher to pass to
	 * {@link ServerHttpSecurity.CsrfSpec#requireCsrfProtectionMatcher}
	 */
	public ServerWebExchangeMatcher requireCsrfProtection(ServerWebExchangeMatcher protectedRequests) {
		return new AndServerWebExchangeMatcher(protectedRequests,
				new NegatedServerWebExchangeMatcher(this.socketIoRequests));
	}

	/**
	 * Protects what Spring Security protects by default (every request but GET, HEAD,
	 * TRACE and OPTIONS), except the Socket.IO transport's requests.
	 * @param csrf the chain's CSRF configuration
	 */
	@Override
	public void customize(ServerHttpSecurity.CsrfSpec csrf) {
		csrf.requireCsrfProtectionMatcher(requireCsrfProtection(CsrfWebFilter.DEFAULT_CSRF_MATCHER));
	}

}
