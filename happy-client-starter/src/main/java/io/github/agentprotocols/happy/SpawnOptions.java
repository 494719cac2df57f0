package io.github.agentprotocols.happy;

import org.jspecify.annotations.Nullable;

/**
 * Options of a spawn (the SDK's {@code agent}, {@code create_dir} and {@code name}).
 *
 * @param agent the agent to run
 * @param createDir whether the daemon may create a missing directory
 * @param name the name to give the session right after spawning, or {@code null}
 */
public record SpawnOptions(Agent agent, boolean createDir, @Nullable String name) {

	/** Claude, no directory creation, no name. */
	public static final SpawnOptions DEFAULTS = new SpawnOptions(Agent.CLAUDE, false, null);

	/**
	 * These options with another agent.
	 * @param agent the agent
	 * @return the options
	 */
	public SpawnOptions withAgent(Agent agent) {
		return new SpawnOptions(agent, this.createDir, this.name);
	}

	/**
	 * These options with directory creation allowed or not.
	 * @param createDir whether the daemon may create the directory
	 * @return the options
	 */
	public SpawnOptions withCreateDir(boolean createDir) {
		return new SpawnOptions(this.agent, createDir, this.name);
	}

	/**
	 * These options with a name.
	 * @param name the name
	 * @return the options
	 */
	public SpawnOptions withName(@Nullable String name) {
		return new SpawnOptions(this.agent, this.createDir, name);
	}

}
