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

package io.github.agentprotocols.benchmarks.hpp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * One HPP session's context read two ways from one application: {@code GET context} of
 * the REST API through the JDK HTTP client, and a call of the {@code hpp_context} tool
 * through the MCP Java SDK's synchronous client (streamable HTTP, on the JDK HTTP client
 * too) from Spring AI's MCP server. Both answer the context's JSON.
 */
final class HppContextCalls implements AutoCloseable {

	/** Properties that serve the HPP agent tools over MCP on the application's port. */
	static final String[] MCP_SERVER = { "spring.ai.mcp.server.enabled=true",
			"spring.ai.mcp.server.protocol=STREAMABLE" };

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final HttpRequest context;

	private final McpSyncClient mcp;

	private final McpSchema.CallToolRequest contextTool;

	/**
	 * Creates a session of ten fields and connects the MCP client.
	 * @param port the application's port
	 * @throws IOException if the session cannot be created
	 * @throws InterruptedException if interrupted while creating it
	 */
	HppContextCalls(int port) throws IOException, InterruptedException {
		HppAgent agent = new HppAgent(this.http, port);
		HppAgent.Session session = agent.create(HppAgent.TEN_FIELD_SCHEMA);
		this.context = agent.context(session);
		this.contextTool = new McpSchema.CallToolRequest("hpp_context",
				Map.of("sessionId", session.id(), "token", session.token()));
		this.mcp = McpClient
			.sync(HttpClientStreamableHttpTransport.builder(URI.create("http://127.0.0.1:" + port).toString()).build())
			.requestTimeout(TIMEOUT)
			.build();
		this.mcp.initialize();
	}

	/**
	 * The context over REST.
	 * @return the response's body
	 * @throws IOException if the request fails or is not answered {@code 200}
	 * @throws InterruptedException if interrupted while waiting
	 */
	String rest() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(this.context, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/**
	 * The context over MCP.
	 * @return the text of the tool's result
	 * @throws IOException if the tool answers an error
	 */
	String mcp() throws IOException {
		McpSchema.CallToolResult result = this.mcp.callTool(this.contextTool);
		String text = ((McpSchema.TextContent) result.content().get(0)).text();
		if (Boolean.TRUE.equals(result.isError())) {
			throw new IOException("hpp_context: " + text);
		}
		return text;
	}

	@Override
	public void close() {
		this.mcp.close();
	}

}
