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

	public ServiceAction getAction() {
		return this.action;
	}

	public ToolCommand getCommand() {
		return this.command;
	}

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

	public void setResult(@Nullable ToolObservation result) {
		this.result = result;
	}

}
