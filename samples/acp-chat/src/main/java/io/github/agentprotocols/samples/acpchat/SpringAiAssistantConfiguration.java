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

package io.github.agentprotocols.samples.acpchat;

import java.time.Duration;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.ai.ChatClientAssistant;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The assistant {@value #ID}: a Spring AI {@link ChatClient} with the
 * {@link WeatherTools}, on the application's {@link ChatModel} (a model starter's, such
 * as OpenAI's) or, when it has none, on the scripted {@link DemoChatModel}.
 */
@Configuration(proxyBeanMethods = false)
public class SpringAiAssistantConfiguration {

	/** The assistant's id, the identity id it has as a thread member. */
	public static final String ID = "spring-ai";

	@Bean
	@AcpAssistant(ID)
	ChatClientAssistant springAiAssistant(ObjectProvider<ChatModel> chatModel,
			@Value("${acp-chat.pacing:150ms}") Duration pacing) {
		return assistant(chatModel.getIfUnique(() -> new DemoChatModel(pacing)));
	}

	static ChatClientAssistant assistant(ChatModel chatModel) {
		ChatClient chatClient = ChatClient.builder(chatModel)
			.defaultSystem("You answer questions about the weather with the weather tool.")
			.defaultTools(new WeatherTools())
			.build();
		return ChatClientAssistant.builder(chatClient).build();
	}

}
