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

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ai.DesktopTool;
import io.github.agentprotocols.testsupport.NodeScript;
import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official MCP TypeScript SDK client ({@code src/test/node/interop.mjs}) against an
 * application with Spring AI's MCP server starter (Streamable HTTP): refused without the
 * service token, lists the declared commands with their schemas, calls a command with
 * progress, one without an argument its schema requires (which the MCP server refuses and
 * does not run), a failing one, and one that asks a human through elicitation (refused
 * for a client that cannot ask).
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=" + McpInteropTests.TOKEN,
				"spring.ai.mcp.server.protocol=STREAMABLE", "spring.main.web-application-type=reactive" })
class McpInteropTests {

	static final String TOKEN = "mcp-interop-service-token-0123456789";

	@LocalServerPort
	private int port;

	@Autowired
	private DesktopTool desktop;

	@Autowired
	private ToolCallbackProvider tools;

	@Test
	void officialClientCallsTheCommandsOverMcp() throws IOException, InterruptedException {
		assertThat(this.tools.getToolCallbacks()).hasSize(3);
		NodeScript.runMcpInterop("appcontrol-mcp-node.log", "http://127.0.0.1:" + this.port + "/mcp", TOKEN);
		assertThat(this.desktop.received()).extracting(ToolCommand::operation)
			.containsExactly("click", "close", "delete");
	}

}
