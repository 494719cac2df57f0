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

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Exempts the requests of the Socket.IO transport on the application's port from Spring
 * Security's CSRF protection, and only those: no Socket.IO client sends a CSRF token, so
 * its long-polling POSTs would be refused 403. A {@link WebFilter} that runs before
 * Spring Security's filter chains and has {@link CsrfWebFilter} skip every request under
 * the Engine.IO paths ({@link CsrfWebFilter#skipExchange}), so every chain keeps the
 * exemption whatever its CSRF configuration: Spring Boot's default chain, the
 * application's own, a CSRF matcher of its own or of another library.
 * <p>
 * Without the CSRF token a Socket.IO request is safe all the same: the caller is
 * authenticated at each namespace connect by the {@code AcpAuthenticator}, each request
 * names its Engine.IO session ({@code sid}), which the server gives only in the answer to
 * the session's handshake, and the bridge refuses with 403 every request whose
 * {@code Origin} is not allowed ({@code acp.socketio.allowed-origins}), as browsers send
 * one with every cross-origin POST and WebSocket handshake.
 */
public final class SocketIoCsrfExemption implements WebFilter, Ordered {

	/**
	 * The filter's order: just before Spring Security's filter chains, whose
	 * {@code WebFilterChainProxy} runs at -100.
	 */
	public static final int ORDER = -101;

	private final List<PathPattern> socketIoRequests;

	/**
	 * Creates the exemption of the given Engine.IO paths.
	 * @param paths the Engine.IO paths, such as {@code /socket.io}: every request under
	 * one of them is exempt
	 */
	public SocketIoCsrfExemption(List<String> paths) {
		this.socketIoRequests = paths.stream()
			.map((path) -> PathPatternParser.defaultInstance.parse(path + "/**"))
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		if (this.socketIoRequests.stream().anyMatch((pattern) -> pattern.matches(path))) {
			CsrfWebFilter.skipExchange(exchange);
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
