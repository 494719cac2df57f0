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

package io.github.agentprotocols.acp.ai.autoconfigure;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.ai.ChatClientAssistant;
import io.github.agentprotocols.acp.ai.TextCoalescing;
import io.github.agentprotocols.acp.ai.ToolCallApproval;
import io.github.agentprotocols.acp.ai.ToolCallDecision;
import io.github.agentprotocols.acp.ai.WeatherTools;
import reactor.core.publisher.Mono;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example of docs/how-to/back-an-acp-assistant-with-a-spring-ai-chatclient.md: an
 * assistant on the application's ChatClient that writes its final answer as the message
 * and refuses every call of a {@code delete} tool.
 */
@Configuration(proxyBeanMethods = false)
class HelperAssistantConfiguration {

	// tag::assistant[]
	@Bean
	@AcpAssistant("helper")
	ChatClientAssistant helper(ChatClient.Builder chatClient, ToolCallingManager toolCallingManager) {
		ToolCallApproval noDeletes = (run, call) -> Mono.just(call.name().equals("delete")
				? ToolCallDecision.deny("deleting needs a person") : ToolCallDecision.approve());
		return ChatClientAssistant
			.builder(chatClient.defaultSystem("You help with the weather.").defaultTools(new WeatherTools()).build())
			.toolCallingManager(toolCallingManager)
			.textCoalescing(TextCoalescing.FINAL_ANSWER)
			.toolCallApproval(noDeletes)
			.build();
	}
	// end::assistant[]

}
