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

import io.github.agentprotocols.acp.ai.ChatClientAssistant;

/**
 * Customizes the {@link ChatClientAssistant.Builder} that
 * {@link AcpSpringAiAutoConfiguration} prepares (a tool call approval, a request
 * customizer), without replacing the assistant. Each bean of this type is applied, in
 * {@link org.springframework.core.Ordered order}, after the {@code acp.ai.*} properties
 * and the tool calling manager have been set, and before the assistant is built.
 */
@FunctionalInterface
public interface ChatClientAssistantBuilderCustomizer {

	/**
	 * Customizes the builder of the auto-configured assistant.
	 * @param builder the builder, with the auto-configuration's options set
	 */
	void customize(ChatClientAssistant.Builder builder);

}
