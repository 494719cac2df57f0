/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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

	/**
	 * Create a new {@code NewMember}, with the default role when none is given.
	 * @param identity the identity snapshot to store, as sent
	 * @param role the membership label, 1-64 characters ({@code null} becomes
	 * {@value ThreadMember#DEFAULT_ROLE})
	 */
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
