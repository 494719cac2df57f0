package io.github.agentprotocols.lime.test;

/**
 * The state of a login request held by the {@link FakeLimeApi}, spelled as on the wire.
 */
public enum LoginRequestStatus {

	/**
	 * Created; the challenge is readable and the request can be approved.
	 */
	PENDING,

	/**
	 * Approved by the agent and a passport minted, but no site stream was open to receive
	 * it.
	 */
	APPROVED,

	/**
	 * Approved and the {@code approved} event pushed onto at least one open site stream.
	 */
	DELIVERED,

	/**
	 * Passed {@code expires_at} unapproved; an {@code expired} event was emitted.
	 */
	EXPIRED

}
