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
