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

import io.github.agentprotocols.commons.SharedSecret;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.env.PropertyResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * One module's rules on the endpoint of Spring AI's MCP server (WebFlux): the bearer
 * token that grants the module's tools, the browser origins the module serves besides the
 * endpoint's own ({@code Origin}, against DNS rebinding: a request without one passes),
 * the refusals the module makes before it looks at the token, and its answers to a
 * request from another origin and to one without a known token. The
 * {@link McpEndpointFilter} applies the guards of all modules on the one endpoint.
 */
public abstract class McpTokenGuard {

	private static final String BEARER = "Bearer ";

	private final String module;

	private final McpEndpointPaths paths;

	private final SharedSecret token;

	private final McpOriginPolicy origins;

	/**
	 * A guard.
	 * @param module the module whose tools the token grants
	 * @param paths the MCP endpoint's paths, as the router matches them
	 * @param token the token clients must send
	 * @param origins the browser origins served besides the endpoint's own
	 */
	protected McpTokenGuard(String module, Set<String> paths, String token, McpOriginPolicy origins) {
		this.module = module;
		this.paths = new McpEndpointPaths(paths);
		this.token = new SharedSecret(token);
		this.origins = origins;
	}

	/**
	 * The paths of Spring AI's MCP server: its streamable HTTP endpoint, its SSE endpoint
	 * and its SSE message endpoint, as configured or by default.
	 * @param properties the application's properties
	 * @return the paths
	 */
	public static Set<String> endpointPaths(PropertyResolver properties) {
		return Set.of(properties.getProperty("spring.ai.mcp.server.streamable-http.mcp-endpoint", "/mcp"),
				properties.getProperty("spring.ai.mcp.server.sse-endpoint", "/sse"),
				properties.getProperty("spring.ai.mcp.server.sse-message-endpoint", "/mcp/message"));
	}

	/**
	 * The module whose tools the token grants.
	 * @return its name
	 */
	public final String module() {
		return this.module;
	}

	/**
	 * Answers a request as the MCP endpoint does with this guard alone: other paths pass.
	 * @param exchange the request
	 * @param chain the rest of the chain
	 * @return when done
	 */
	public final Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return new McpEndpointFilter(List.of(this), new McpSessionGrants()).filter(exchange, chain);
	}

	/**
	 * Whether a request is to the MCP endpoint.
	 * @param exchange the request
	 * @return whether it is
	 */
	final boolean guards(ServerWebExchange exchange) {
		return this.paths.matches(exchange);
	}

	/**
	 * Whether the request sends the token ({@code Authorization: Bearer <token>}).
	 * @param exchange the request
	 * @return whether it does
	 */
	final boolean hasToken(ServerWebExchange exchange) {
		return this.token.matches(bearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
	}

	/**
	 * Whether the request sends no {@code Origin}, the endpoint's own or an allowed one.
	 * @param exchange the request
	 * @return whether it does
	 */
	final boolean allowsOrigin(ServerWebExchange exchange) {
		return this.origins.allows(exchange.getRequest());
	}

	/**
	 * Refuses a request before its token is looked at: one that sends this guard's token,
	 * or one that sends no module's token. Nothing is refused unless overridden.
	 * @param exchange the request
	 * @return the refusal, or null to go on
	 */
	protected @Nullable Mono<Void> screen(ServerWebExchange exchange) {
		return null;
	}

	/**
	 * Notes a request that sends no module's token, before it is refused. Nothing is
	 * noted unless overridden.
	 * @param exchange the request
	 */
	protected void rejected(ServerWebExchange exchange) {
	}

	/**
	 * Refuses a request from another origin than the endpoint's own or an allowed one
	 * (403), before its token is looked at.
	 * @param exchange the request
	 * @return the refusal
	 */
	protected abstract Mono<Void> foreignOrigin(ServerWebExchange exchange);

	/**
	 * Refuses a request that sends no module's token.
	 * @param exchange the request
	 * @return the refusal
	 */
	protected abstract Mono<Void> unauthorized(ServerWebExchange exchange);

	/**
	 * Answers with a JSON body.
	 * @param exchange the request
	 * @param status the status
	 * @param body the JSON body
	 * @return when written
	 */
	protected static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, byte[] body) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	private static @Nullable String bearer(@Nullable String authorization) {
		return (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
				? authorization.substring(BEARER.length()) : null;
	}

}
