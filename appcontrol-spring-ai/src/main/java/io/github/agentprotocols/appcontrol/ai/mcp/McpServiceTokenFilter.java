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

package io.github.agentprotocols.appcontrol.ai.mcp;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.github.agentprotocols.appcontrol.service.ClientAddresses;
import io.github.agentprotocols.appcontrol.service.ClientThrottle;
import io.github.agentprotocols.appcontrol.service.ServiceRejection;
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
 * Guards the MCP endpoint as the app-control service route is guarded: clients on other
 * machines are refused (403 {@code client_not_allowed}) unless remote clients are
 * allowed, a client past its limit of wrong tokens is refused (429 {@code rate_limited}
 * with {@code Retry-After}), and a request without {@code Authorization: Bearer <token>}
 * carrying the service token gets 401 {@code invalid_request} with
 * {@code WWW-Authenticate: Bearer}. Refusals are service responses as JSON, as the
 * service route writes them. A path is the endpoint's as the router matches it (decoded,
 * without path parameters); other paths pass.
 */
public final class McpServiceTokenFilter implements WebFilter, Ordered {

	private static final String BEARER = "Bearer ";

	private final List<PathPattern> paths;

	private final SharedSecret token;

	private final boolean allowRemote;

	private final ClientThrottle failedTokens;

	/**
	 * A filter.
	 * @param paths the MCP endpoint's paths, as the router matches them
	 * @param token the service token
	 * @param allowRemote whether clients on other machines are answered
	 * @param failedTokens counts each client's missing or wrong tokens
	 */
	public McpServiceTokenFilter(Set<String> paths, String token, boolean allowRemote, ClientThrottle failedTokens) {
		this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.token = new SharedSecret(token);
		this.allowRemote = allowRemote;
		this.failedTokens = failedTokens;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		if (this.paths.stream().noneMatch((pattern) -> pattern.matches(path))) {
			return chain.filter(exchange);
		}
		InetSocketAddress client = exchange.getRequest().getRemoteAddress();
		if (client != null && !this.allowRemote && !ClientAddresses.isLoopback(client)) {
			return refuse(exchange, HttpStatus.FORBIDDEN, "client_not_allowed",
					"the app-control MCP endpoint answers clients on this machine only", 0);
		}
		long retryAfter = (client != null) ? this.failedTokens.retryAfterSeconds(ClientAddresses.text(client)) : 0;
		if (retryAfter > 0) {
			return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
					"too many invalid tokens from this client; retry after " + retryAfter + " seconds", retryAfter);
		}
		if (this.token.matches(bearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))) {
			return chain.filter(exchange);
		}
		if (client != null) {
			this.failedTokens.record(ClientAddresses.text(client));
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return refuse(exchange, HttpStatus.UNAUTHORIZED, "invalid_request",
				"missing or invalid service token: send 'Authorization: Bearer <app-control.service.token>'", 0);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private static @Nullable String bearer(@Nullable String authorization) {
		return (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
				? authorization.substring(BEARER.length()) : null;
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String failureKind, String message,
			long retryAfterSeconds) {
		byte[] body = ServiceRejection.failed(status.value(), failureKind, message)
			.getResponse()
			.toJson()
			.getBytes(StandardCharsets.UTF_8);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(body.length);
		if (retryAfterSeconds > 0) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
