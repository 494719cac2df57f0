package io.github.agentprotocols.acp;

import java.util.Locale;

/**
 * The kind of principal an {@link Identity} represents, its {@code role} discriminator on
 * the wire. Unrelated to a {@link ThreadMember#role() membership role}.
 */
public enum IdentityRole {

	/** A human ({@code UserIdentity}). */
	USER,

	/** An assistant handler, author of run events ({@code AssistantIdentity}). */
	ASSISTANT,

	/** Webhooks and automation ({@code SystemIdentity}). */
	SYSTEM;

	/**
	 * The role as written on the wire.
	 * @return {@code user}, {@code assistant} or {@code system}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The role with the given wire name.
	 * @param wireName the name on the wire
	 * @return the role
	 * @throws AcpException {@code invalid_request} for an unknown role
	 */
	public static IdentityRole fromWireName(String wireName) {
		return WireNames.find(values(), IdentityRole::wireName, wireName, "identity role");
	}

}
