package io.github.agentprotocols.happy.observation;

/**
 * The context of an operation that starts an agent on a machine.
 */
public abstract class MachineObservationContext extends SessionObservationContext {

	private final String machineId;

	private final String agent;

	/**
	 * Create a context.
	 * @param machineId the machine
	 * @param agent the agent, as the wire names it (e.g. {@code claude})
	 */
	protected MachineObservationContext(String machineId, String agent) {
		this.machineId = machineId;
		this.agent = agent;
	}

	/**
	 * The machine.
	 * @return its id
	 */
	public String getMachineId() {
		return this.machineId;
	}

	/**
	 * The agent.
	 * @return its wire name, e.g. {@code claude}
	 */
	public String getAgent() {
		return this.agent;
	}

}
