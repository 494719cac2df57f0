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

package io.github.agentprotocols.appcontrol.ai;

import io.github.agentprotocols.appcontrol.ToolCommand;

/**
 * Decides whether an agent's command runs, before it runs: approve, deny, or ask a human.
 * An MCP caller is asked through MCP elicitation when its client supports it; any other
 * caller's "ask" is refused. A command that does not run is a failed observation
 * ({@code permission_missing}) whose error says why, and the agent is told so.
 */
@FunctionalInterface
public interface CommandApproval {

	/**
	 * Approves every command: the default.
	 */
	CommandApproval APPROVE_ALL = (command) -> CommandDecision.approve();

	/**
	 * Decides whether a command runs.
	 * @param command the command, validated as the service host validates it
	 * @return the decision
	 */
	CommandDecision decide(ToolCommand command);

}
