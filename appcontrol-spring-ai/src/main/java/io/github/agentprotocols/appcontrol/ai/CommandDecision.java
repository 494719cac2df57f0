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

import org.jspecify.annotations.Nullable;

/**
 * Whether a command may run, as a {@link CommandApproval} decided.
 *
 * @param approved whether the command runs without asking
 * @param ask whether a human is asked first; the command runs if they accept
 * @param reason why it was denied, or the question a human is asked; {@code null} when
 * approved
 */
public record CommandDecision(boolean approved, boolean ask, @Nullable String reason) {

	private static final CommandDecision APPROVED = new CommandDecision(true, false, null);

	/**
	 * The command runs.
	 * @return the decision
	 */
	public static CommandDecision approve() {
		return APPROVED;
	}

	/**
	 * The command does not run.
	 * @param reason why, told to the agent
	 * @return the decision
	 */
	public static CommandDecision deny(String reason) {
		return new CommandDecision(false, false, reason);
	}

	/**
	 * A human decides: the command runs if they accept.
	 * @param question what they are asked
	 * @return the decision
	 */
	public static CommandDecision ask(String question) {
		return new CommandDecision(false, true, question);
	}

}
