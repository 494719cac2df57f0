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

package io.github.agentprotocols.happy;

import org.jspecify.annotations.Nullable;

/**
 * The permission modes a user message may carry (spec §7.4). Any other value makes the
 * agent drop the message silently, so only these can be sent.
 * <p>
 * Which modes an agent accepts depends on the agent and the CLI version: happy-coder 0.13
 * takes {@code default}, {@code acceptEdits}, {@code bypassPermissions} and {@code plan}
 * for Claude, {@code default}, {@code read-only}, {@code safe-yolo} and {@code yolo} for
 * Codex and Gemini, and ignores (logs) any other; current CLIs take all seven and map
 * them per agent. {@link #YOLO} is therefore sent to Claude as {@code bypassPermissions},
 * the same mode under the name every version accepts.
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

	/** Never ask (the SDK's default; sent to Claude as bypassPermissions). */
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
	 * The mode's name on the wire for an agent: {@link #YOLO} is
	 * {@code bypassPermissions} for Claude, the only name happy-coder 0.13 accepts for
	 * it.
	 * @param flavor the session's {@code flavor} metadata ({@code claude}, {@code codex},
	 * ...), or {@code null} when it has none (Claude, the default agent)
	 * @return the name
	 */
	String wireValueFor(@Nullable String flavor) {
		boolean claude = flavor == null || Agent.CLAUDE.wireValue().equals(flavor);
		return (this == YOLO && claude) ? BYPASS_PERMISSIONS.wireValue : this.wireValue;
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
