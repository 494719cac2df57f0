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

package io.github.agentprotocols.hpp.ai.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.ai.mcp.McpToolUtils;
import org.springframework.ai.mcp.server.webflux.transport.WebFluxStreamableServerTransportProvider;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.reactive.function.server.RouterFunction;

/**
 * An MCP server of HPP's own (Streamable HTTP, on the application's port) that serves the
 * agent tools and nothing else, for an application whose shared MCP endpoint other
 * modules guard with their bearer tokens: an agent holding only the pasted prompt lists
 * and calls the HPP tools here, each call authenticated by the session's token in its
 * arguments, and sees no other module's tool.
 */
public final class HppMcpServer implements DisposableBean {

	private final String endpoint;

	private final WebFluxStreamableServerTransportProvider transport;

	private final McpSyncServer server;

	/**
	 * A server.
	 * @param endpoint the path it serves
	 * @param tools the agent tools
	 * @param json writes and reads the MCP messages
	 * @param version the version the server gives in its {@code initialize} result
	 */
	public HppMcpServer(String endpoint, ToolCallbackProvider tools, McpJsonMapper json, String version) {
		this.endpoint = endpoint;
		this.transport = WebFluxStreamableServerTransportProvider.builder()
			.jsonMapper(json)
			.messageEndpoint(endpoint)
			.build();
		this.server = McpServer.sync(this.transport)
			.serverInfo("hpp", version)
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.tools(McpToolUtils.toSyncToolSpecifications(tools.getToolCallbacks()))
			.build();
	}

	/**
	 * The path the server serves.
	 * @return the path
	 */
	public String endpoint() {
		return this.endpoint;
	}

	/**
	 * The routes of the endpoint, for WebFlux.
	 * @return the routes
	 */
	public RouterFunction<?> routerFunction() {
		return this.transport.getRouterFunction();
	}

	/**
	 * Closes the sessions of the server.
	 */
	@Override
	public void destroy() {
		this.server.closeGracefully();
	}

}
