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

import io.github.agentprotocols.commons.ai.mcp.McpOriginPolicy;
import io.github.agentprotocols.commons.ai.mcp.McpTokenGuard;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Guards the MCP endpoint with the MCP token ({@code happy.ai.mcp-token}), which grants
 * the Happy tools: a request from a browser page of another origin than the endpoint's
 * own or one of {@code happy.ai.mcp-allowed-origins} gets 403, and a request without
 * {@code Authorization: Bearer <token>} carrying the token (or another module's token)
 * gets 401 with {@code WWW-Authenticate: Bearer}, each with a JSON {@code error}. A path
 * is the endpoint's as the router matches it (decoded, without path parameters); other
 * paths pass.
 */
public final class McpTokenFilter extends McpTokenGuard {

	/** The module whose tools the MCP token grants. */
	public static final String MODULE = "Happy";

	private static final byte[] FOREIGN_ORIGIN = """
			{"error":"origin_not_allowed","message":"the MCP endpoint serves pages of its own origin or of \
			happy.ai.mcp-allowed-origins only"}""".getBytes(StandardCharsets.UTF_8);

	private static final byte[] REFUSAL = """
			{"error":"invalid_token","message":"missing or invalid MCP token: send 'Authorization: Bearer \
			<happy.ai.mcp-token>'"}""".getBytes(StandardCharsets.UTF_8);

	/**
	 * A filter.
	 * @param paths the MCP endpoint's paths, as the router matches them
	 * @param token the MCP token
	 * @param allowedOrigins the origins served besides the endpoint's own
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * naming {@code happy.ai.mcp-allowed-origins} if one is not an origin
	 */
	public McpTokenFilter(Set<String> paths, String token, List<String> allowedOrigins) {
		super(MODULE, paths, token, new McpOriginPolicy("happy.ai.mcp-allowed-origins", allowedOrigins));
	}

	@Override
	protected Mono<Void> foreignOrigin(ServerWebExchange exchange) {
		return refuse(exchange, HttpStatus.FORBIDDEN, FOREIGN_ORIGIN);
	}

	@Override
	protected Mono<Void> unauthorized(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return refuse(exchange, HttpStatus.UNAUTHORIZED, REFUSAL);
	}

}
