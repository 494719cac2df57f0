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

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.ai.Browser;
import io.github.agentprotocols.hpp.ai.HppAgentApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official MCP TypeScript SDK client ({@code src/test/node/interop.mjs}) follows a
 * handshake prompt over MCP, given nothing but the prompt: it lists the agent tools,
 * reads the context, sets a field while the user's field stays theirs, reads the diff,
 * extends the session, and gets error results for a wrong token and an unknown session.
 * The browser's WebSocket receives the agent's value and the extension live.
 */
@SpringBootTest(classes = HppAgentApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.mcp.server.protocol=STREAMABLE", "spring.main.web-application-type=reactive" })
class McpInteropTests {

	@LocalServerPort
	private int port;

	@Autowired
	private HandshakeManager manager;

	@Test
	void officialClientFollowsThePromptOverMcp() throws Exception {
		try (Browser browser = Browser.open(this.port)) {
			OfficialMcpClient.followsThePrompt(this.port, this.manager, browser, "/mcp");
		}
	}

}
