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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A member of a thread (spec §2.4): a snapshot of the identity, a free-form membership
 * label and who added it when. Only members read a thread's content and author its
 * events; assistants must be members before they can be invoked.
 *
 * @param threadId the thread
 * @param identityId the member's identity id, equal to {@code identity.id()}
 * @param identity the identity snapshot taken when it was added
 * @param role the membership label, 1-64 characters, {@value #DEFAULT_ROLE} by default
 * @param addedAt when it was added (database clock), in microseconds
 * @param addedBy a snapshot of the identity that added it
 */
public record ThreadMember(String threadId, String identityId, Identity identity, String role, Instant addedAt,
		Identity addedBy) {

	/** The membership label used when none is given. */
	public static final String DEFAULT_ROLE = "member";

	/**
	 * Create a new {@code ThreadMember}, checking that the identity id matches the
	 * identity.
	 * @param threadId the thread
	 * @param identityId the member's identity id, equal to {@code identity.id()}
	 * @param identity the identity snapshot taken when it was added
	 * @param role the membership label, 1-64 characters, {@value #DEFAULT_ROLE} by
	 * default
	 * @param addedAt when it was added (database clock), in microseconds
	 * @param addedBy a snapshot of the identity that added it
	 */
	public ThreadMember {
		Objects.requireNonNull(threadId, "threadId");
		Objects.requireNonNull(identity, "identity");
		AcpLimits.check(identity.id().equals(identityId), "identity_id must equal identity.id");
		AcpLimits.length(role, AcpLimits.MAX_MEMBER_ROLE_LENGTH, "role");
		addedAt = addedAt.truncatedTo(ChronoUnit.MICROS);
		Objects.requireNonNull(addedBy, "addedBy");
	}

}
