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

package io.github.agentprotocols.acp.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.test.AssistantTester;
import io.github.agentprotocols.acp.test.RunResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ChatClientAssistant} on Spring AI's OpenAI chat model, streaming from an
 * OpenAI-compatible server on loopback: the client's own parsing of streamed chunks and
 * tool calls, and the requests it sends back.
 */
class OpenAiChatModelAssistantTests {

	private final OpenAiCompatibleServer server = new OpenAiCompatibleServer();

	private final WeatherTools tools = new WeatherTools();

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void aToolCallStreamedInChunksAndTheStreamedAnswerBecomeEventsOfTheRun() {
		this.server.weatherInParis();
		try (AssistantTester tester = tester()) {
			RunResult result = tester.send("helper", "weather in Paris?");
			assertThat(result.types()).containsExactly("run.started", "message", "tool.call", "tool.result", "message",
					"run.completed");
			assertThat(result.messageTexts()).containsExactly("Let me check.", "Sunny, 21 degrees in Paris.");
			assertThat(ChatClientAssistantTests.payload(result, EventPayload.ToolCall.class))
				.isEqualTo(new EventPayload.ToolCall("call_Qm7x", "weather", Map.of("city", "Paris")));
			assertThat(ChatClientAssistantTests.payload(result, EventPayload.ToolResult.class))
				.isEqualTo(new EventPayload.ToolResult("call_Qm7x", "sunny in Paris", null));
		}
		assertThat(this.tools.cities).containsExactly("Paris");
		List<JsonNode> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		JsonNode first = requests.get(0);
		assertThat(first.path("stream").asBoolean()).isTrue();
		assertThat(first.path("model").asString()).isEqualTo("gpt-test");
		assertThat(first.path("tools").findValuesAsString("name")).contains("weather", "time");
		assertThat(first.path("messages")).singleElement().satisfies((message) -> {
			assertThat(message.path("role").asString()).isEqualTo("user");
			assertThat(message.path("content").asString()).isEqualTo("weather in Paris?");
		});
		JsonNode messages = requests.get(1).path("messages");
		assertThat(messages).hasSize(3);
		JsonNode asked = messages.get(1);
		assertThat(asked.path("role").asString()).isEqualTo("assistant");
		assertThat(asked.path("content").asString()).isEqualTo("Let me check.");
		assertThat(asked.path("tool_calls")).singleElement().satisfies((toolCall) -> {
			assertThat(toolCall.path("id").asString()).isEqualTo("call_Qm7x");
			assertThat(toolCall.path("type").asString()).isEqualTo("function");
			assertThat(toolCall.path("function").path("name").asString()).isEqualTo("weather");
			assertThat(JsonMapper.shared().readTree(toolCall.path("function").path("arguments").asString()))
				.isEqualTo(JsonMapper.shared().readTree("{\"city\":\"Paris\"}"));
		});
		JsonNode answered = messages.get(2);
		assertThat(answered.path("role").asString()).isEqualTo("tool");
		assertThat(answered.path("tool_call_id").asString()).isEqualTo("call_Qm7x");
		assertThat(answered.path("content").asString()).contains("sunny in Paris");
	}

	@Test
	void anErrorStatusFromTheModelEndsTheRunFailed() {
		this.server.error(500, "The server had an error while processing your request.");
		try (AssistantTester tester = tester()) {
			RunResult result = tester.send("helper", "hello?");
			assertThat(result.status()).isEqualTo(RunStatus.FAILED);
			assertThat(result.types()).containsExactly("run.started", "run.failed");
			assertThat(result.error().code()).isEqualTo("handler_error");
			assertThat(result.error().message()).contains("500");
		}
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aStreamCutOffMidwayEndsTheRunFailed() {
		this.server.streamCutOff("{\"role\":\"assistant\",\"content\":\"It is \"}", "{\"content\":\"sun\"}");
		try (AssistantTester tester = tester()) {
			RunResult result = tester.send("helper", "weather?");
			assertThat(result.status()).isEqualTo(RunStatus.FAILED);
			assertThat(result.types()).containsExactly("run.started", "run.failed");
			assertThat(result.error().code()).isEqualTo("handler_error");
		}
	}

	private AssistantTester tester() {
		OpenAiChatModel model = OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder()
				.baseUrl(this.server.baseUrl())
				.apiKey("test-key")
				.model("gpt-test")
				.maxRetries(0)
				.build())
			.build();
		ChatClient client = ChatClient.builder(model).defaultTools(this.tools).build();
		return AssistantTester.of("helper", ChatClientAssistant.builder(client).build())
			.timeout(Duration.ofSeconds(30));
	}

}
