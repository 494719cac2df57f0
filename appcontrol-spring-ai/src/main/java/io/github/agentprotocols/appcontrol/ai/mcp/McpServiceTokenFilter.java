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
import io.github.agentprotocols.commons.ai.mcp.McpOriginPolicy;
import io.github.agentprotocols.commons.ai.mcp.McpTokenGuard;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Guards the MCP endpoint as the app-control service route is guarded: the service token
 * grants the command tools; browser pages of another origin than the endpoint's own or
 * one of {@code app-control.ai.mcp-allowed-origins} are refused (403
 * {@code origin_not_allowed}), clients on other machines are refused (403
 * {@code client_not_allowed}) unless remote clients are allowed, a client past its limit
 * of wrong tokens is refused (429 {@code rate_limited} with {@code Retry-After}), and a
 * request without {@code Authorization: Bearer <token>} carrying the service token (or
 * another module's token) gets 401 {@code invalid_request} with
 * {@code WWW-Authenticate: Bearer}. Refusals are service responses as JSON, as the
 * service route writes them. A path is the endpoint's as the router matches it (decoded,
 * without path parameters); other paths pass.
 */
public final class McpServiceTokenFilter extends McpTokenGuard {

	/** The module whose tools the service token grants. */
	public static final String MODULE = "app-control";

	private final boolean allowRemote;

	private final ClientThrottle failedTokens;

	/**
	 * A filter.
	 * @param paths the MCP endpoint's paths, as the router matches them
	 * @param token the service token
	 * @param allowRemote whether clients on other machines are answered
	 * @param failedTokens counts each client's missing or wrong tokens
	 * @param allowedOrigins the origins served besides the endpoint's own
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * naming {@code app-control.ai.mcp-allowed-origins} if one is not an origin
	 */
	public McpServiceTokenFilter(Set<String> paths, String token, boolean allowRemote, ClientThrottle failedTokens,
			List<String> allowedOrigins) {
		super(MODULE, paths, token, new McpOriginPolicy("app-control.ai.mcp-allowed-origins", allowedOrigins));
		this.allowRemote = allowRemote;
		this.failedTokens = failedTokens;
	}

	@Override
	protected @Nullable Mono<Void> screen(ServerWebExchange exchange) {
		InetSocketAddress client = exchange.getRequest().getRemoteAddress();
		if (client != null && !this.allowRemote && !ClientAddresses.isLoopback(client)) {
			return refuse(exchange, HttpStatus.FORBIDDEN, "client_not_allowed",
					"the app-control MCP endpoint answers clients on this machine only");
		}
		long retryAfter = (client != null) ? this.failedTokens.retryAfterSeconds(ClientAddresses.text(client)) : 0;
		if (retryAfter > 0) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
					"too many invalid tokens from this client; retry after " + retryAfter + " seconds");
		}
		return null;
	}

	@Override
	protected Mono<Void> foreignOrigin(ServerWebExchange exchange) {
		return refuse(exchange, HttpStatus.FORBIDDEN, "origin_not_allowed",
				"the app-control MCP endpoint serves pages of its own origin or of "
						+ "app-control.ai.mcp-allowed-origins only");
	}

	@Override
	protected void rejected(ServerWebExchange exchange) {
		InetSocketAddress client = exchange.getRequest().getRemoteAddress();
		if (client != null) {
			this.failedTokens.record(ClientAddresses.text(client));
		}
	}

	@Override
	protected Mono<Void> unauthorized(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return refuse(exchange, HttpStatus.UNAUTHORIZED, "invalid_request",
				"missing or invalid service token: send 'Authorization: Bearer <app-control.service.token>'");
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String failureKind,
			String message) {
		return refuse(exchange, status,
				ServiceRejection.failed(status.value(), failureKind, message)
					.getResponse()
					.toJson()
					.getBytes(StandardCharsets.UTF_8));
	}

}
