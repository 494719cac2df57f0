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

package io.github.agentprotocols.appcontrol.observation;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link HelperRequestObservationConvention} reads of a desktop helper round trip:
 * the command and the status of the observation the helper answered with.
 */
public class HelperRequestObservationContext extends Observation.Context {

	private final ToolCommand command;

	private @Nullable ToolStatus commandStatus;

	/**
	 * A context for a command sent to the helper.
	 * @param command the command
	 */
	public HelperRequestObservationContext(ToolCommand command) {
		this.command = command;
	}

	/**
	 * The command sent to the helper.
	 * @return the command
	 */
	public ToolCommand getCommand() {
		return this.command;
	}

	/**
	 * The status of the helper's observation.
	 * @return the status, or null if the helper answered with none
	 */
	public @Nullable ToolStatus getCommandStatus() {
		return this.commandStatus;
	}

	/**
	 * Record the status of the helper's observation.
	 * @param commandStatus the status, or {@code null} if the helper answered with none
	 */
	public void setCommandStatus(@Nullable ToolStatus commandStatus) {
		this.commandStatus = commandStatus;
	}

}
