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

import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths of an MCP endpoint, as the router matches them (decoded, without path
 * parameters).
 */
final class McpEndpointPaths {

	private final List<PathPattern> patterns;

	/**
	 * The paths.
	 * @param paths the endpoint's paths, such as {@link McpTokenGuard#endpointPaths}
	 */
	McpEndpointPaths(Set<String> paths) {
		this.patterns = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	/**
	 * Whether a request is to the endpoint.
	 * @param exchange the request
	 * @return whether it is
	 */
	boolean matches(ServerWebExchange exchange) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		return this.patterns.stream().anyMatch((pattern) -> pattern.matches(path));
	}

}
