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

import io.github.agentprotocols.acp.HandlerContext;
import org.springframework.ai.chat.messages.AssistantMessage;
import reactor.core.publisher.Mono;

/**
 * Holds a tool call for a decision before it runs: called after the call's
 * {@code tool.call} event is in the thread, so a human can see what the model asks. The
 * run waits for the decision (within the run's timeout; cancelling the run cancels the
 * wait). A denied call does not run: its {@code tool.result} carries the error
 * {@code {code: "tool_denied", message: <reason>}} and the model is told the reason.
 */
@FunctionalInterface
public interface ToolCallApproval {

	/**
	 * Approves every call: the default.
	 */
	ToolCallApproval APPROVE_ALL = (context, call) -> Mono.just(ToolCallDecision.approve());

	/**
	 * Decides whether a tool call runs.
	 * @param context the run asking
	 * @param call the call, with the id of its {@code tool.call} event
	 * @return the decision; empty approves
	 */
	Mono<ToolCallDecision> decide(HandlerContext context, AssistantMessage.ToolCall call);

}
