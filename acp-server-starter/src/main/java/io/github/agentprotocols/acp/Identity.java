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

import java.util.Map;
import java.util.Objects;

/**
 * A principal of x64acp (spec §2.1): a user, an assistant or a system, with a
 * consumer-chosen id (W9), a display name and opaque metadata. Authors, run assistants
 * and members are snapshots of identities taken at write time.
 *
 * @param role the kind of principal
 * @param id the consumer-defined id, 1-256 characters, case-sensitive
 * @param name the display name, possibly empty ({@code null} becomes empty)
 * @param metadata opaque metadata ({@code metadata.tenant} holds the tenant scope), at
 * most 64 KiB as JSON ({@code null} becomes empty)
 */
public record Identity(IdentityRole role, String id, String name, Map<String, Object> metadata) {

	/**
	 * Create a new {@code Identity}, checking its id and metadata against the protocol's
	 * limits.
	 * @param role the kind of principal
	 * @param id the consumer-defined id, 1-256 characters, case-sensitive
	 * @param name the display name, possibly empty ({@code null} becomes empty)
	 * @param metadata opaque metadata ({@code metadata.tenant} holds the tenant scope),
	 * at most 64 KiB as JSON ({@code null} becomes empty)
	 */
	public Identity {
		Objects.requireNonNull(role, "role");
		AcpLimits.length(id, AcpLimits.MAX_IDENTITY_ID_LENGTH, "identity id");
		name = (name != null) ? name : "";
		metadata = JsonValues.metadata(metadata, "identity metadata");
	}

	/**
	 * A user identity with empty metadata.
	 * @param id the id
	 * @param name the display name
	 * @return the identity
	 */
	public static Identity user(String id, String name) {
		return new Identity(IdentityRole.USER, id, name, null);
	}

	/**
	 * An assistant identity with empty metadata.
	 * @param id the assistant id
	 * @param name the display name
	 * @return the identity
	 */
	public static Identity assistant(String id, String name) {
		return new Identity(IdentityRole.ASSISTANT, id, name, null);
	}

	/**
	 * A system identity with empty metadata.
	 * @param id the id
	 * @param name the display name
	 * @return the identity
	 */
	public static Identity system(String id, String name) {
		return new Identity(IdentityRole.SYSTEM, id, name, null);
	}

	/**
	 * A copy of this identity with other metadata.
	 * @param metadata the metadata
	 * @return the copy
	 */
	public Identity withMetadata(Map<String, Object> metadata) {
		return new Identity(this.role, this.id, this.name, metadata);
	}

	/**
	 * The identity's tenant (spec §2.1): the string-valued entries of
	 * {@code metadata.tenant} when it is an object, else empty.
	 * @return the tenant scope
	 */
	public TenantScope tenant() {
		return TenantScope.fromMetadata(this.metadata);
	}

	/**
	 * Whether this is a system identity, exempt from the scope rule when it creates or
	 * re-tenants threads.
	 * @return whether the role is {@link IdentityRole#SYSTEM}
	 */
	public boolean isSystem() {
		return this.role == IdentityRole.SYSTEM;
	}

}
