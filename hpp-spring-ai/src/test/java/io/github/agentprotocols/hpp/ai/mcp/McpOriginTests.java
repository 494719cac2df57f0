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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.github.agentprotocols.hpp.ai.HppAgentApplication;
import io.github.agentprotocols.testsupport.McpHttp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP endpoint serving the HPP agent tools checks a browser page's {@code Origin}, as
 * MCP's Streamable HTTP transport requires against DNS rebinding: a request without one,
 * from the endpoint's own origin or from one of {@code hpp.ai.mcp-allowed-origins} is
 * served; any other gets 403 {@code origin_not_allowed} before it reaches the endpoint.
 */
@SpringBootTest(classes = HppAgentApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hpp.ai.mcp-allowed-origins=" + McpOriginTests.CONSOLE,
				"spring.ai.mcp.server.protocol=STREAMABLE", "spring.main.web-application-type=reactive" })
class McpOriginTests {

	static final String CONSOLE = "https://console.example.com";

	@LocalServerPort
	private int port;

	@Test
	void aRequestWithoutOriginIsServed() throws IOException, InterruptedException {
		assertServed(initialize(null));
	}

	@Test
	void aRequestFromTheEndpointsOwnOriginIsServed() throws IOException, InterruptedException {
		assertServed(initialize("http://127.0.0.1:" + this.port));
	}

	@Test
	void aRequestFromAnAllowedOriginIsServed() throws IOException, InterruptedException {
		assertServed(initialize(CONSOLE));
		assertServed(initialize("HTTPS://Console.Example.com:443"));
	}

	@Test
	void aRequestFromAnotherOriginIsRefused() throws IOException, InterruptedException {
		for (String origin : new String[] { "http://evil.example.com", "http://127.0.0.1:" + (this.port + 1),
				"http://console.example.com", "null" }) {
			HttpResponse<String> response = initialize(origin);
			assertThat(response.statusCode()).as(origin).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
			assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
			assertThat(response.body()).isEqualTo("{\"error\":\"origin_not_allowed\",\"message\":\"the MCP endpoint "
					+ "serves pages of its own origin or of hpp.ai.mcp-allowed-origins only\"}");
		}
	}

	@Test
	void otherPathsAreNotChecked() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/handshake/hpp-client.js"))
			.header("Origin", "http://evil.example.com")
			.build();
		assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
	}

	private static void assertServed(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
		assertThat(response.body()).contains("\"protocolVersion\"");
	}

	/**
	 * Sends an {@code initialize} request, from a page's origin if one is given.
	 */
	private HttpResponse<String> initialize(@Nullable String origin) throws IOException, InterruptedException {
		return McpHttp.initialize(this.port, (origin != null) ? Map.of("Origin", origin) : Map.of());
	}

}
