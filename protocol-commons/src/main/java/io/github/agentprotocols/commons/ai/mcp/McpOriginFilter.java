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

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The {@code Origin} check of the endpoint of Spring AI's MCP server (WebFlux) for a
 * module whose tools need no bearer token (their arguments carry what authenticates
 * them): a request to the endpoint from a browser page of another origin than the
 * endpoint's own or an allowed one ({@link McpOriginPolicy}) gets 403 with the module's
 * JSON body, before it reaches the endpoint. Other requests and other paths pass.
 */
public final class McpOriginFilter implements WebFilter, Ordered {

	private final McpEndpointPaths paths;

	private final McpOriginPolicy origins;

	private final byte[] refusal;

	/**
	 * A filter.
	 * @param paths the MCP endpoint's paths, as the router matches them, such as
	 * {@link McpTokenGuard#endpointPaths}
	 * @param origins the browser origins served besides the endpoint's own
	 * @param refusal the JSON body of the 403 a request from another origin gets
	 */
	public McpOriginFilter(Set<String> paths, McpOriginPolicy origins, byte[] refusal) {
		this.paths = new McpEndpointPaths(paths);
		this.origins = origins;
		this.refusal = refusal.clone();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.paths.matches(exchange) || this.origins.allows(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return McpTokenGuard.refuse(exchange, HttpStatus.FORBIDDEN, this.refusal);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
