package io.github.agentprotocols.happy.observation;

/**
 * The context of a session spawned on a machine.
 */
public class SpawnObservationContext extends MachineObservationContext {

	/**
	 * Create a context.
	 * @param machineId the machine
	 * @param agent the agent, as the wire names it (e.g. {@code claude})
	 */
	public SpawnObservationContext(String machineId, String agent) {
		super(machineId, agent);
	}

}
