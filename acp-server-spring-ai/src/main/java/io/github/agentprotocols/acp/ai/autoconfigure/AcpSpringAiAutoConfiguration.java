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

import java.util.List;
import java.util.Objects;

import io.github.agentprotocols.acp.ai.ChatClientAssistant;
import io.github.agentprotocols.acp.autoconfigure.AcpRunsAutoConfiguration;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of an ACP assistant on Spring AI: with {@code acp.ai.assistant-id}
 * set, registers a {@link ChatClientAssistant} under that id, on a client from the
 * application's {@code ChatClient.Builder} with the {@code acp.ai.system} text and, as
 * its tools, every {@link ToolCallback} and {@link ToolCallbackProvider} bean (MCP client
 * tools among them); its tool calls run through the application's
 * {@link ToolCallingManager} bean. Backs off when the application defines its own
 * {@link ChatClientAssistant} bean.
 */
@AutoConfiguration(after = AcpRunsAutoConfiguration.class,
		afterName = { "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration",
				"org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration" })
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBean({ AssistantRegistry.class, ChatClient.Builder.class })
@ConditionalOnProperty(prefix = "acp.ai", name = "assistant-id")
@EnableConfigurationProperties(AcpSpringAiProperties.class)
public final class AcpSpringAiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ChatClientAssistant.class)
	SmartInitializingSingleton acpChatClientAssistantRegistration(AcpSpringAiProperties properties,
			ObjectProvider<ChatClient.Builder> chatClient, ObjectProvider<ToolCallingManager> toolCallingManager,
			ObjectProvider<ToolCallback> toolCallbacks, ObjectProvider<ToolCallbackProvider> toolCallbackProviders,
			ObjectProvider<ChatClientAssistantBuilderCustomizer> customizers, AssistantRegistry registry) {
		return () -> {
			ChatClient.Builder client = chatClient.getObject();
			if (properties.getSystem() != null) {
				client.defaultSystem(properties.getSystem());
			}
			List<ToolCallback> tools = toolCallbacks.orderedStream().toList();
			if (!tools.isEmpty()) {
				client.defaultToolCallbacks(tools);
			}
			ToolCallbackProvider[] providers = toolCallbackProviders.orderedStream()
				.toArray(ToolCallbackProvider[]::new);
			if (providers.length > 0) {
				client.defaultToolCallbacks(providers);
			}
			ChatClientAssistant.Builder assistant = ChatClientAssistant.builder(client.build());
			AcpSpringAiPropertiesMapper.apply(properties, assistant);
			toolCallingManager.ifAvailable(assistant::toolCallingManager);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(assistant));
			String assistantId = Objects.requireNonNull(properties.getAssistantId(), "acp.ai.assistant-id");
			registry.register(assistantId, assistant.build(), "property acp.ai.assistant-id");
		};
	}

}
