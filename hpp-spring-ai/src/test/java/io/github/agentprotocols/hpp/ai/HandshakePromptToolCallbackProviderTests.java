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

package io.github.agentprotocols.hpp.ai;

import java.util.List;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.testsupport.SpringAiToolCalls;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A Spring AI agent follows a pasted handshake prompt with the tools of a
 * {@link HandshakePromptToolCallbackProvider}: the tool calls a model would make run
 * through Spring AI's {@code ToolCallingManager} against the running application, and the
 * browser sees the agent's value.
 */
@SpringBootTest(classes = HppAgentApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.mcp.server.protocol=STREAMABLE", "spring.main.web-application-type=reactive" })
class HandshakePromptToolCallbackProviderTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private HandshakeManager manager;

	@Test
	void toolCallsOfAModelFollowThePromptOverHttp() throws Exception {
		try (Browser browser = Browser.open(this.port)) {
			String prompt = this.manager.prompt(browser.sessionId, "http://127.0.0.1:" + this.port, "Fill in Ada.")
				.block();
			List<ToolResponseMessage.ToolResponse> responses = call(prompt,
					new ToolCall("1", "function", "hpp_context", "{}"),
					new ToolCall("2", "function", "hpp_action",
							"{\"actions\":[{\"type\":\"set\",\"key\":\"name\",\"value\":\"Ada\"}],\"intervalMs\":0}"),
					new ToolCall("3", "function", "hpp_diff", "{\"since\":\"not a time\"}"));
			JsonNode context = json.readTree(responses.get(0).responseData());
			assertThat(context.get("sessionId").stringValue()).isEqualTo(browser.sessionId);
			assertThat(context.get("schema").findValuesAsString("key")).containsExactly("name", "city");
			assertThat(json.readTree(responses.get(1).responseData()).get("applied").toString())
				.isEqualTo("[\"name\"]");
			assertThat(responses.get(2).responseData()).isEqualTo("{\"error\":\"invalid since\"}");
			assertThat(browser.next().toString()).isEqualTo("{\"type\":\"action\",\"key\":\"name\",\"value\":\"Ada\"}");

			String wrongToken = prompt.replace("- token: " + browser.token, "- token: " + browser.token + "x");
			assertThat(call(wrongToken, new ToolCall("4", "function", "hpp_context", "")).get(0).responseData())
				.isEqualTo("{\"error\":\"invalid token\"}");
		}
	}

	@Test
	void aPromptWithoutCredentialsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HandshakePromptToolCallbackProvider("- sessionId: s\n- baseUrl: http://x",
					RestClient.create()))
			.withMessage("The handshake prompt has no '- token: ' line");
	}

	private static List<ToolResponseMessage.ToolResponse> call(String prompt, ToolCall... calls) {
		HandshakePromptToolCallbackProvider tools = new HandshakePromptToolCallbackProvider(prompt,
				RestClient.create());
		return SpringAiToolCalls.execute(prompt, tools.getToolCallbacks(), calls);
	}

}
