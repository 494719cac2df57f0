package io.github.agentprotocols.happy.observation;

/**
 * The context of a task ({@code runTask}).
 */
public class TaskObservationContext extends MachineObservationContext {

	/**
	 * Create a context.
	 * @param machineId the machine
	 * @param agent the agent, as the wire names it (e.g. {@code claude})
	 */
	public TaskObservationContext(String machineId, String agent) {
		super(machineId, agent);
	}

}
