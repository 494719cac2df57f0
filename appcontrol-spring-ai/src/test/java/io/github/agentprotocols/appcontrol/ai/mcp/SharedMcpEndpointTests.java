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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ai.DesktopTool;
import io.github.agentprotocols.happy.test.context.AutoConfigureFakeHappyServer;
import io.github.agentprotocols.testsupport.McpHttp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application serving the app-control commands and the Happy tools on one MCP
 * endpoint, driven by the MCP Java SDK's client: each module's token calls its module's
 * tools and is refused the other's, and cannot join a session started with the other; an
 * unknown or missing token gets 401. A browser page's {@code Origin} is checked before
 * the token: the endpoint's own is served, one a module allows is served with its token,
 * and any other gets 403 whatever the token, in the shape of the token's module.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true",
				"app-control.service.token=" + SharedMcpEndpointTests.SERVICE_TOKEN,
				"happy.ai.mcp-token=" + SharedMcpEndpointTests.HAPPY_TOKEN,
				"app-control.ai.mcp-allowed-origins=" + SharedMcpEndpointTests.CONSOLE,
				"spring.ai.mcp.server.protocol=STREAMABLE", "spring.main.web-application-type=reactive" })
@AutoConfigureFakeHappyServer
class SharedMcpEndpointTests {

	static final String SERVICE_TOKEN = "shared-endpoint-service-token-0123456789";

	static final String HAPPY_TOKEN = "shared-endpoint-happy-token-0123456789";

	static final String CONSOLE = "https://console.example.com";

	private static final CallToolRequest CLICK = new CallToolRequest("desktop_click", Map.of("target", "OK"));

	private static final CallToolRequest STATUS = new CallToolRequest("happy_status",
			Map.of("sessionId", "no-such-session"));

	@LocalServerPort
	private int port;

	@Autowired
	private DesktopTool desktop;

	@Test
	void eachTokenCallsItsOwnModulesToolsOnly() {
		try (McpSyncClient appControl = client(SERVICE_TOKEN); McpSyncClient happy = client(HAPPY_TOKEN)) {
			assertThat(text(appControl.callTool(CLICK))).contains("clicked OK");
			assertThat(text(happy.callTool(STATUS))).contains("\"ok\":");
			CallToolResult refusedToHappy = happy.callTool(CLICK);
			CallToolResult refusedToAppControl = appControl.callTool(STATUS);
			assertThat(refusedToHappy.isError()).isTrue();
			assertThat(text(refusedToHappy)).contains("not authorized");
			assertThat(refusedToAppControl.isError()).isTrue();
			assertThat(text(refusedToAppControl)).contains("not authorized");
		}
		assertThat(this.desktop.received()).extracting(ToolCommand::operation).containsExactly("click");
	}

	@Test
	void anUnknownOrMissingTokenIsRefused() throws IOException, InterruptedException {
		assertThat(post("Bearer not-a-token-of-either-module", null, null).statusCode()).isEqualTo(401);
		assertThat(post(null, null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aSessionStartedWithOneTokenIsNotFoundWithTheOther() throws IOException, InterruptedException {
		String session = post("Bearer " + SERVICE_TOKEN, null, null).headers()
			.firstValue("Mcp-Session-Id")
			.orElseThrow();
		assertThat(post("Bearer " + HAPPY_TOKEN, session, null).statusCode()).isEqualTo(404);
	}

	@Test
	void aForeignOriginIsRefusedWithEitherTokenInItsModulesShape() throws IOException, InterruptedException {
		HttpResponse<String> appControl = post("Bearer " + SERVICE_TOKEN, null, "http://evil.example.com");
		HttpResponse<String> happy = post("Bearer " + HAPPY_TOKEN, null, "http://evil.example.com");
		assertThat(appControl.statusCode()).isEqualTo(403);
		assertThat(appControl.body()).contains("\"failureKind\":\"origin_not_allowed\"");
		assertThat(happy.statusCode()).isEqualTo(403);
		assertThat(happy.body()).contains("\"error\":\"origin_not_allowed\"");
	}

	@Test
	void theEndpointsOwnOriginIsServedAndAnAllowedOneWithItsModulesTokenOnly()
			throws IOException, InterruptedException {
		String own = "http://127.0.0.1:" + this.port;
		assertThat(post("Bearer " + SERVICE_TOKEN, null, own).statusCode()).isEqualTo(200);
		assertThat(post("Bearer " + HAPPY_TOKEN, null, own).statusCode()).isEqualTo(200);
		assertThat(post("Bearer " + SERVICE_TOKEN, null, CONSOLE).statusCode()).isEqualTo(200);
		assertThat(post("Bearer " + HAPPY_TOKEN, null, CONSOLE).statusCode()).isEqualTo(403);
	}

	private McpSyncClient client(String token) {
		McpSyncClient client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + this.port)
				.httpRequestCustomizer(
						(request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
				.build())
			.build();
		client.initialize();
		return client;
	}

	/**
	 * Sends an {@code initialize} request, in a session and from a page's origin if they
	 * are given.
	 */
	private HttpResponse<String> post(@Nullable String authorization, @Nullable String session, @Nullable String origin)
			throws IOException, InterruptedException {
		Map<String, String> headers = new LinkedHashMap<>();
		if (authorization != null) {
			headers.put("Authorization", authorization);
		}
		if (session != null) {
			headers.put("Mcp-Session-Id", session);
		}
		if (origin != null) {
			headers.put("Origin", origin);
		}
		return McpHttp.initialize(this.port, headers);
	}

	private static String text(CallToolResult result) {
		return ((TextContent) result.content().get(0)).text();
	}

}
