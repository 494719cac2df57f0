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

package io.github.agentprotocols.commons.ai.mcp;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The one guard of the endpoint of Spring AI's MCP server (WebFlux), for every module
 * that serves tools on it. A request that sends a module's token goes on after that
 * module's check of its {@code Origin} (else {@link McpTokenGuard#foreignOrigin 403}) and
 * {@link McpTokenGuard#screen screening}, and the MCP session it starts or names is
 * granted that module's tools in the {@link McpSessionGrants} (a session granted another
 * module's tools is not found for it: 404). A request that sends no module's token is
 * checked and screened by every guard, noted by each, and refused by the first. Other
 * paths pass.
 * <p>
 * A tool handler sees the MCP session of its call, not the HTTP request that carried it
 * (Spring AI's transport gives the call an empty transport context), so the grant is kept
 * per session: the one a response starts ({@code Mcp-Session-Id}, Streamable HTTP), or
 * the one a request names ({@code Mcp-Session-Id}, or SSE's {@code sessionId} parameter)
 * when not granted yet.
 */
public final class McpEndpointFilter implements WebFilter, Ordered {

	private static final String SESSION_HEADER = "Mcp-Session-Id";

	private static final String SESSION_PARAMETER = "sessionId";

	private final List<McpTokenGuard> guards;

	private final McpSessionGrants grants;

	/**
	 * A filter.
	 * @param guards the modules' guards, the first answering a request without a token
	 * @param grants the modules each MCP session's token grants
	 */
	public McpEndpointFilter(List<McpTokenGuard> guards, McpSessionGrants grants) {
		this.guards = guards;
		this.grants = grants;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.guards.stream().noneMatch((guard) -> guard.guards(exchange))) {
			return chain.filter(exchange);
		}
		List<McpTokenGuard> granting = this.guards.stream().filter((guard) -> guard.hasToken(exchange)).toList();
		for (McpTokenGuard guard : granting.isEmpty() ? this.guards : granting) {
			Mono<Void> refusal = guard.allowsOrigin(exchange) ? guard.screen(exchange) : guard.foreignOrigin(exchange);
			if (refusal != null) {
				return refusal;
			}
		}
		if (granting.isEmpty()) {
			this.guards.forEach((guard) -> guard.rejected(exchange));
			return this.guards.get(0).unauthorized(exchange);
		}
		String session = session(exchange);
		Set<String> modules = granting.stream().map(McpTokenGuard::module).collect(Collectors.toUnmodifiableSet());
		if (session == null) {
			exchange.getResponse().beforeCommit(() -> grantStarted(exchange, modules));
		}
		else if (!this.grants.grant(session, modules)) {
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			return exchange.getResponse().setComplete();
		}
		return chain.filter(exchange);
	}

	private Mono<Void> grantStarted(ServerWebExchange exchange, Set<String> modules) {
		String started = exchange.getResponse().getHeaders().getFirst(SESSION_HEADER);
		if (started != null) {
			this.grants.grant(started, modules);
		}
		return Mono.empty();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private static @Nullable String session(ServerWebExchange exchange) {
		String session = exchange.getRequest().getHeaders().getFirst(SESSION_HEADER);
		return (session != null) ? session : exchange.getRequest().getQueryParams().getFirst(SESSION_PARAMETER);
	}

}
