package io.github.agentprotocols.acp;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A member to add (the body of {@code POST /threads/:id/members}, spec §4.8).
 *
 * @param identity the identity snapshot to store, as sent
 * @param role the membership label, 1-64 characters ({@code null} becomes
 * {@value ThreadMember#DEFAULT_ROLE})
 */
public record NewMember(Identity identity, String role) {

	public NewMember {
		Objects.requireNonNull(identity, "identity");
		role = AcpLimits.length(Objects.requireNonNullElse(role, ThreadMember.DEFAULT_ROLE),
				AcpLimits.MAX_MEMBER_ROLE_LENGTH, "role");
	}

	/**
	 * A member with the given role, or the default role.
	 * @param identity the identity
	 * @param role the role, or {@code null}
	 * @return the member to add
	 */
	public static NewMember of(Identity identity, @Nullable String role) {
		return new NewMember(identity, role);
	}

}
