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

import org.jspecify.annotations.Nullable;

/**
 * Whether a tool call may run, as a {@link ToolCallApproval} decided.
 *
 * @param approved whether the tool runs
 * @param reason why it was denied, told to the model and written in the
 * {@code tool.result} error; {@code null} when approved
 */
public record ToolCallDecision(boolean approved, @Nullable String reason) {

	private static final ToolCallDecision APPROVED = new ToolCallDecision(true, null);

	/**
	 * The tool runs.
	 * @return the decision
	 */
	public static ToolCallDecision approve() {
		return APPROVED;
	}

	/**
	 * The tool does not run.
	 * @param reason why, told to the model
	 * @return the decision
	 */
	public static ToolCallDecision deny(String reason) {
		return new ToolCallDecision(false, reason);
	}

}
