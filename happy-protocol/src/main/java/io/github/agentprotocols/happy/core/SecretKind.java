package io.github.agentprotocols.happy.core;

/**
 * What the 32-byte secret of {@link HappyCredentials} is, as far as its source tells.
 */
public enum SecretKind {

	/**
	 * The account master secret ({@code secret} of {@code agent.key} or a legacy
	 * {@code access.key}): opens every session and machine of the account, and signs the
	 * login challenge.
	 */
	MASTER_SECRET,

	/**
	 * A machine key ({@code encryption.machineKey} of a CLI-written {@code access.key}):
	 * opens only its own machine's record.
	 */
	MACHINE_KEY,

	/**
	 * Either of the above: the source (environment variable or inline value) does not
	 * say.
	 */
	UNKNOWN

}
