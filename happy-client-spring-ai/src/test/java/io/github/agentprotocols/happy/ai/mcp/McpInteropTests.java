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

package io.github.agentprotocols.happy.ai.mcp;

import java.io.IOException;

import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.AutoConfigureFakeHappyServer;
import io.github.agentprotocols.testsupport.NodeScript;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official MCP TypeScript SDK client ({@code src/test/node/interop.mjs}) against an
 * application with the Happy starter on the fake server and daemon and Spring AI's MCP
 * server: it lists the tools, starts, watches and stops a session, runs a task with
 * progress notifications, and is refused without the MCP token or with a wrong one.
 */
@SpringBootTest(classes = McpInteropTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "happy.ai.mcp-token=" + McpInteropTests.TOKEN, "spring.ai.mcp.server.protocol=STREAMABLE",
				"spring.main.web-application-type=reactive" })
@AutoConfigureFakeHappyServer
class McpInteropTests {

	static final String TOKEN = "happy-mcp-interop-token-0123456789";

	@LocalServerPort
	private int port;

	@Autowired
	private FakeHappyDaemon daemon;

	@Test
	void officialClientRunsTasksOverMcp() throws IOException, InterruptedException {
		String output = NodeScript.runMcpInterop("happy-mcp-node.log", "http://127.0.0.1:" + this.port + "/mcp", TOKEN,
				this.daemon.machineId());
		assertThat(output).contains("\"ok\":true");
		assertThat(this.daemon.runningSessions()).isEmpty();
	}

	@SpringBootApplication(proxyBeanMethods = false)
	static class Application {

	}

}
