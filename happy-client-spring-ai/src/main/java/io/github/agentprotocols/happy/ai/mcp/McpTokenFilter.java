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

package io.github.agentprotocols.happy.ai.mcp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.github.agentprotocols.commons.SharedSecret;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Guards the MCP endpoint with the MCP token ({@code happy.ai.mcp-token}): a request
 * without {@code Authorization: Bearer <token>} carrying it gets 401 with
 * {@code WWW-Authenticate: Bearer} and a JSON {@code error}. A path is the endpoint's as
 * the router matches it (decoded, without path parameters); other paths pass.
 */
public final class McpTokenFilter implements WebFilter, Ordered {

	private static final String BEARER = "Bearer ";

	private static final byte[] REFUSAL = """
			{"error":"invalid_token","message":"missing or invalid MCP token: send 'Authorization: Bearer \
			<happy.ai.mcp-token>'"}""".getBytes(StandardCharsets.UTF_8);

	private final List<PathPattern> paths;

	private final SharedSecret token;

	/**
	 * A filter.
	 * @param paths the MCP endpoint's paths, as the router matches them
	 * @param token the MCP token
	 */
	public McpTokenFilter(Set<String> paths, String token) {
		this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.token = new SharedSecret(token);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		if (this.paths.stream().noneMatch((pattern) -> pattern.matches(path))
				|| this.token.matches(bearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(REFUSAL.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(REFUSAL)));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private static @Nullable String bearer(@Nullable String authorization) {
		return (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
				? authorization.substring(BEARER.length()) : null;
	}

}
