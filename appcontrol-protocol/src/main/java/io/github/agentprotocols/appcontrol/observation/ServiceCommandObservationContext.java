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

import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ServiceCommandObservationConvention} reads of a command the local service
 * host runs: the action, the command, the request id and the final observation.
 */
public class ServiceCommandObservationContext extends Observation.Context {

	private final ServiceAction action;

	private final ToolCommand command;

	private final @Nullable String requestId;

	private @Nullable ToolObservation result;

	/**
	 * A context for a command.
	 * @param action {@code run}, {@code submit} or {@code stream}
	 * @param command the command
	 * @param requestId the request id
	 */
	public ServiceCommandObservationContext(ServiceAction action, ToolCommand command, @Nullable String requestId) {
		this.action = action;
		this.command = command;
		this.requestId = requestId;
	}

	/**
	 * The action the command was sent with.
	 * @return {@code run}, {@code submit} or {@code stream}
	 */
	public ServiceAction getAction() {
		return this.action;
	}

	/**
	 * The command.
	 * @return the command
	 */
	public ToolCommand getCommand() {
		return this.command;
	}

	/**
	 * The id of the request that carried the command.
	 * @return the request id, or {@code null} when the request had none
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * The command's final observation, a failed or timed-out one included.
	 * @return the observation, or null while it runs or if it was cancelled
	 */
	public @Nullable ToolObservation getResult() {
		return this.result;
	}

	/**
	 * Record the command's final observation.
	 * @param result the observation, or {@code null} if the command was cancelled
	 */
	public void setResult(@Nullable ToolObservation result) {
		this.result = result;
	}

}
