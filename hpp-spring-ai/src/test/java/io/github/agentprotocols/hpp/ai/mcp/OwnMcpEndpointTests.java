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
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.agentprotocols.commons.ai.mcp.McpEndpointConfiguration;
import io.github.agentprotocols.commons.ai.mcp.McpOriginPolicy;
import io.github.agentprotocols.commons.ai.mcp.McpTokenGuard;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.ai.Browser;
import io.github.agentprotocols.hpp.ai.HppAgentApplication;
import io.github.agentprotocols.testsupport.McpHttp;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where another module guards the shared MCP endpoint with its bearer token (as
 * app-control's and Happy's tools do), the handshake prompt names HPP's own endpoint,
 * {@code /hpp/mcp}: the official MCP TypeScript SDK client, given nothing but the prompt,
 * lists the four HPP tools there and none of the other module's, and follows the prompt
 * without any bearer token. The shared endpoint still refuses a request without the other
 * module's token, and HPP's own endpoint checks a browser page's {@code Origin}.
 */
@SpringBootTest(classes = { HppAgentApplication.class, OwnMcpEndpointTests.GuardedSharedEndpoint.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.mcp.server.protocol=STREAMABLE", "spring.main.web-application-type=reactive" })
class OwnMcpEndpointTests {

	static final String OTHER_TOKEN = "other-module-token-0123456789";

	@LocalServerPort
	private int port;

	@Autowired
	private HandshakeManager manager;

	@Test
	void officialClientFollowsThePromptOverHppsOwnEndpointWithoutABearerToken() throws Exception {
		try (Browser browser = Browser.open(this.port)) {
			OfficialMcpClient.followsThePrompt(this.port, this.manager, browser, "/hpp/mcp");
		}
	}

	@Test
	void theSharedEndpointStillAsksForTheOtherModulesToken() throws IOException, InterruptedException {
		assertThat(McpHttp.initialize(this.port, "/mcp", Map.of()).statusCode()).isEqualTo(401);
		HttpResponse<String> withToken = McpHttp.initialize(this.port, "/mcp",
				Map.of("Authorization", "Bearer " + OTHER_TOKEN));
		assertThat(withToken.statusCode()).isEqualTo(200);
		assertThat(withToken.body()).contains("\"protocolVersion\"");
	}

	@Test
	void hppsOwnEndpointServesNoBrowserPageOfAnotherOrigin() throws IOException, InterruptedException {
		HttpResponse<String> foreign = McpHttp.initialize(this.port, "/hpp/mcp",
				Map.of("Origin", "http://evil.example.com"));
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.body()).isEqualTo("{\"error\":\"origin_not_allowed\",\"message\":\"the HPP MCP endpoint "
				+ "serves pages of its own origin or of hpp.ai.mcp-allowed-origins only\"}");
		HttpResponse<String> own = McpHttp.initialize(this.port, "/hpp/mcp",
				Map.of("Origin", "http://127.0.0.1:" + this.port));
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("\"name\":\"hpp\"");
	}

	/**
	 * A module that guards the shared endpoint with its token and serves a tool there, as
	 * app-control's and Happy's modules do.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Import(McpEndpointConfiguration.class)
	static class GuardedSharedEndpoint {

		@Bean
		McpTokenGuard otherModuleGuard(Environment environment) {
			return new OtherModuleGuard(McpTokenGuard.endpointPaths(environment));
		}

		@Bean
		ToolCallbackProvider otherModuleTools() {
			return MethodToolCallbackProvider.builder().toolObjects(new OtherModuleTools()).build();
		}

	}

	static class OtherModuleTools {

		@Tool(name = "other_secret", description = "A tool of the other module")
		String secret() {
			return "secret";
		}

	}

	static class OtherModuleGuard extends McpTokenGuard {

		OtherModuleGuard(Set<String> paths) {
			super("other", paths, OTHER_TOKEN, new McpOriginPolicy("other.allowed-origins", List.of()));
		}

		@Override
		protected Mono<Void> foreignOrigin(ServerWebExchange exchange) {
			return refuse(exchange, HttpStatus.FORBIDDEN, "{\"error\":\"foreign origin\"}".getBytes());
		}

		@Override
		protected Mono<Void> unauthorized(ServerWebExchange exchange) {
			return refuse(exchange, HttpStatus.UNAUTHORIZED, "{\"error\":\"unauthorized\"}".getBytes());
		}

	}

}
