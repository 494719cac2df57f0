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

package io.github.agentprotocols.hpp;

/**
 * Who last wrote a field ({@code by} on the wire). The agent may never overwrite a field
 * owned by {@link #USER} or {@link #USER_EDIT}.
 */
public enum FieldOwner {

	/** Created from an empty initial value ({@code null}, "", [] or {}). */
	EMPTY("empty"),

	/** Written by the browser: a non-empty initial value or a user edit. */
	USER("user"),

	/** Written by the agent. */
	AI("ai"),

	/** A user edit of a field the agent had written. */
	USER_EDIT("user_edit");

	private final String wireName;

	FieldOwner(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The value of {@code by} on the wire.
	 * @return the wire name
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether the agent is locked out of a field with this owner.
	 * @return true for user-owned fields
	 */
	public boolean protectsFromAgent() {
		return this == USER || this == USER_EDIT;
	}

	/**
	 * The owner named on the wire.
	 * @param wireName a wire name such as "user_edit"
	 * @return the owner
	 */
	public static FieldOwner fromWireName(String wireName) {
		for (FieldOwner owner : values()) {
			if (owner.wireName.equals(wireName)) {
				return owner;
			}
		}
		throw new IllegalArgumentException("Unknown field owner '" + wireName + "'");
	}

}
