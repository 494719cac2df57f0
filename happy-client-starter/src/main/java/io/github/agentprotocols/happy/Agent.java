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

import java.util.Locale;

/**
 * The agents a daemon can spawn (spec §6.2).
 */
public enum Agent {

	/** Claude Code, the default. */
	CLAUDE("claude"),

	/** OpenAI Codex. */
	CODEX("codex"),

	/** Gemini. */
	GEMINI("gemini"),

	/** OpenClaw. */
	OPENCLAW("openclaw"),

	/** agy. */
	AGY("agy");

	private final String wireValue;

	Agent(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The agent's name on the wire.
	 * @return the name
	 */
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The agent with the given wire name.
	 * @param value the name, e.g. {@code claude}
	 * @return the agent
	 * @throws IllegalArgumentException for a name the daemon does not know
	 */
	public static Agent fromWireValue(String value) {
		for (Agent agent : values()) {
			if (agent.wireValue.equals(value.toLowerCase(Locale.ROOT))) {
				return agent;
			}
		}
		throw new IllegalArgumentException(
				"Unknown agent '" + value + "'; expected one of claude, codex, gemini, " + "openclaw, agy");
	}

}
