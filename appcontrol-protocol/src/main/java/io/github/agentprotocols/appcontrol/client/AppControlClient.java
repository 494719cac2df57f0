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

package io.github.agentprotocols.appcontrol.client;

import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import org.jspecify.annotations.Nullable;

/**
 * Runs app-control commands. Tool-level failures are returned as observations; transport
 * failures throw {@link AppControlTransportException}.
 */
public interface AppControlClient {

	/**
	 * Runs one command and returns its final observation, delivering its events to
	 * {@code observer}.
	 * @param command the command
	 * @param observer the observer, or null
	 * @return the final observation
	 * @throws AppControlTransportException if the tool could not be reached
	 */
	ToolObservation runCommand(ToolCommand command, @Nullable ToolObserver observer);

	/**
	 * Runs one command without an observer.
	 * @param command the command
	 * @return the final observation
	 */
	default ToolObservation runCommand(ToolCommand command) {
		return runCommand(command, null);
	}

	/**
	 * Runs one command given as a wire object, parsed leniently.
	 * @param command the command's wire object
	 * @param observer the observer, or null
	 * @return the final observation
	 */
	default ToolObservation runCommand(Map<String, ?> command, @Nullable ToolObserver observer) {
		return runCommand(ToolCommand.fromMap(command), observer);
	}

}
