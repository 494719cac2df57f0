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

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;

/**
 * How one tool call ended: what the model is told, what the {@code tool.result} event
 * says, and the failure that ends the run when the tool call manager threw.
 */
record ToolOutcome(ToolResponseMessage.ToolResponse response, @Nullable Object result,
		@Nullable Map<String, Object> error, boolean returnDirect, @Nullable RuntimeException thrown) {

	static ToolOutcome succeeded(ToolResponseMessage.ToolResponse response, boolean returnDirect) {
		return new ToolOutcome(response, JsonText.value(response.responseData()), null, returnDirect, null);
	}

	/**
	 * A tool that failed and whose failure the manager's exception processor turned into
	 * the model's answer.
	 */
	static ToolOutcome failed(ToolResponseMessage.ToolResponse response) {
		return new ToolOutcome(response, null, ToolResponses.error(ToolResponses.TOOL_ERROR, response.responseData()),
				false, null);
	}

	static ToolOutcome denied(AssistantMessage.ToolCall call, String reason) {
		Map<String, Object> error = ToolResponses.error(ToolResponses.TOOL_DENIED, reason);
		return new ToolOutcome(
				new ToolResponseMessage.ToolResponse(call.id(), call.name(), ToolResponses.text(null, error)), null,
				error, false, null);
	}

	static ToolOutcome thrown(AssistantMessage.ToolCall call, RuntimeException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		Map<String, Object> error = ToolResponses.error(ToolResponses.TOOL_ERROR, message);
		return new ToolOutcome(
				new ToolResponseMessage.ToolResponse(call.id(), call.name(), ToolResponses.text(null, error)), null,
				error, false, ex);
	}

}
