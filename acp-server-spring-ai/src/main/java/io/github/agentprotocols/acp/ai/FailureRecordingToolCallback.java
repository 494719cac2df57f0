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

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * A tool callback that notes the {@link ToolExecutionException} its tool threw before the
 * tool call manager turns it into the model's answer, so that the {@code tool.result}
 * says the tool failed.
 */
final class FailureRecordingToolCallback implements ToolCallback {

	private final ToolCallback delegate;

	private final AtomicReference<@Nullable ToolExecutionException> failure;

	private FailureRecordingToolCallback(ToolCallback delegate,
			AtomicReference<@Nullable ToolExecutionException> failure) {
		this.delegate = delegate;
		this.failure = failure;
	}

	/**
	 * The prompt with each of its options' tool callbacks noting its failure in
	 * {@code failure}.
	 */
	static Prompt recording(Prompt prompt, AtomicReference<@Nullable ToolExecutionException> failure) {
		ChatOptions options = prompt.getOptions();
		if (!(options instanceof ToolCallingChatOptions toolOptions) || toolOptions.getToolCallbacks() == null) {
			return prompt;
		}
		List<ToolCallback> callbacks = toolOptions.getToolCallbacks()
			.stream()
			.map((callback) -> (ToolCallback) new FailureRecordingToolCallback(callback, failure))
			.toList();
		return new Prompt(prompt.getInstructions(), toolOptions.mutate().toolCallbacks(callbacks).build());
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.delegate.getToolDefinition();
	}

	@Override
	public ToolMetadata getToolMetadata() {
		return this.delegate.getToolMetadata();
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		try {
			return this.delegate.call(toolInput, toolContext);
		}
		catch (ToolExecutionException ex) {
			this.failure.set(ex);
			throw ex;
		}
	}

}
