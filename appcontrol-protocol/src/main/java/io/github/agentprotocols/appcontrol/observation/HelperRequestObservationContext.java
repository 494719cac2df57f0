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

	public void setCommandStatus(@Nullable ToolStatus commandStatus) {
		this.commandStatus = commandStatus;
	}

}
