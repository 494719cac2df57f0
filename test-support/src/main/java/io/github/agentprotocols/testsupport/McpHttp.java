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

package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Raw HTTP requests to an MCP endpoint (Streamable HTTP), for what an MCP client library
 * would not send, such as a browser's {@code Origin} or a wrong token.
 */
public final class McpHttp {

	private McpHttp() {
	}

	/**
	 * Sends an {@code initialize} request to {@code http://127.0.0.1:<port>/mcp}.
	 * @param port the application's port
	 * @param headers the request's other headers, such as {@code Authorization},
	 * {@code Mcp-Session-Id} or {@code Origin}
	 * @return the response
	 * @throws IOException if the request cannot be sent or its response read
	 * @throws InterruptedException if interrupted while waiting for the response
	 */
	public static HttpResponse<String> initialize(int port, Map<String, String> headers)
			throws IOException, InterruptedException {
		return initialize(port, "/mcp", headers);
	}

	/**
	 * Sends an {@code initialize} request to {@code http://127.0.0.1:<port><path>}.
	 * @param port the application's port
	 * @param path the endpoint's path
	 * @param headers the request's other headers, such as {@code Authorization},
	 * {@code Mcp-Session-Id} or {@code Origin}
	 * @return the response
	 * @throws IOException if the request cannot be sent or its response read
	 * @throws InterruptedException if interrupted while waiting for the response
	 */
	public static HttpResponse<String> initialize(int port, String path, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
					"capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"""));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
