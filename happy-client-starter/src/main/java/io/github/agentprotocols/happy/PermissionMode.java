package io.github.agentprotocols.happy;

/**
 * The permission modes a user message may carry (spec §7.4). Any other value makes the
 * agent drop the message silently, so only these can be sent.
 */
public enum PermissionMode {

	/** The agent's default: ask before acting. */
	DEFAULT("default"),

	/** Accept file edits without asking. */
	ACCEPT_EDITS("acceptEdits"),

	/** Never ask. */
	BYPASS_PERMISSIONS("bypassPermissions"),

	/** Plan only. */
	PLAN("plan"),

	/** Read only. */
	READ_ONLY("read-only"),

	/** Safe yolo. */
	SAFE_YOLO("safe-yolo"),

	/** Never ask (the SDK's default; Claude maps it to bypassPermissions). */
	YOLO("yolo");

	private final String wireValue;

	PermissionMode(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The mode's name on the wire.
	 * @return the name
	 */
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The mode with the given wire name.
	 * @param value the name, e.g. {@code yolo}
	 * @return the mode
	 * @throws IllegalArgumentException for a name the agent would drop
	 */
	public static PermissionMode fromWireValue(String value) {
		for (PermissionMode mode : values()) {
			if (mode.wireValue.equals(value)) {
				return mode;
			}
		}
		throw new IllegalArgumentException("Unknown permission mode '" + value + "'; expected one of default, "
				+ "acceptEdits, bypassPermissions, plan, read-only, safe-yolo, yolo");
	}

}
