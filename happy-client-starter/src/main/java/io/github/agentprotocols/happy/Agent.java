package io.github.agentprotocols.happy;

import java.util.Locale;

/**
 * The agents a daemon can spawn (spec §6.2).
 */
public enum Agent {

	/** Claude Code, the default. */
	CLAUDE("claude"),

	/** OpenAI Codex. */
	CODEX("codex"),

	/** Gemini. */
	GEMINI("gemini"),

	/** OpenClaw. */
	OPENCLAW("openclaw"),

	/** agy. */
	AGY("agy");

	private final String wireValue;

	Agent(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The agent's name on the wire.
	 * @return the name
	 */
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The agent with the given wire name.
	 * @param value the name, e.g. {@code claude}
	 * @return the agent
	 * @throws IllegalArgumentException for a name the daemon does not know
	 */
	public static Agent fromWireValue(String value) {
		for (Agent agent : values()) {
			if (agent.wireValue.equals(value.toLowerCase(Locale.ROOT))) {
				return agent;
			}
		}
		throw new IllegalArgumentException(
				"Unknown agent '" + value + "'; expected one of claude, codex, gemini, " + "openclaw, agy");
	}

}
