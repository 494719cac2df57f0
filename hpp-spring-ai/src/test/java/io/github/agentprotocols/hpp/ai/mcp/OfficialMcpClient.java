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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.ai.Browser;
import io.github.agentprotocols.testsupport.NodeScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official MCP TypeScript SDK client ({@code src/test/node/interop.mjs}) following
 * the prompt of a browser's session, given nothing but the prompt, after the user filled
 * in the city: the browser then receives the agent's name, the outcome and the extension.
 */
final class OfficialMcpClient {

	private OfficialMcpClient() {
	}

	/**
	 * Has the client follow the prompt, which must name the endpoint.
	 * @param port the application's port
	 * @param manager the application's manager
	 * @param browser the browser whose session the prompt is of
	 * @param endpointPath the path of the MCP endpoint the prompt must name
	 * @throws Exception if the client fails
	 */
	static void followsThePrompt(int port, HandshakeManager manager, Browser browser, String endpointPath)
			throws Exception {
		browser.edit("city", "Lyon");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> manager.session(browser.sessionId).block().getFields().containsKey("city"));
		String prompt = manager.prompt(browser.sessionId, "http://127.0.0.1:" + port, null).block();
		assertThat(prompt).contains("- mcpEndpoint: http://127.0.0.1:" + port + endpointPath + "\n");
		String name = endpointPath.replaceAll("\\W+", "-");
		Path promptFile = Files.createDirectories(Path.of("target"))
			.resolve("hpp" + name + "-prompt.txt")
			.toAbsolutePath();
		Files.writeString(promptFile, prompt);
		NodeScript.runMcpInterop("hpp" + name + "-node.log", promptFile.toString());
		assertThat(browser.next().toString()).isEqualTo("{\"type\":\"action\",\"key\":\"name\",\"value\":\"Ada\"}");
		assertThat(browser.next().toString())
			.isEqualTo("{\"type\":\"done\",\"applied\":1,\"rejected\":[\"city\"],\"missing\":[]}");
		assertThat(browser.next().get("type").stringValue()).isEqualTo("extended");
	}

}
