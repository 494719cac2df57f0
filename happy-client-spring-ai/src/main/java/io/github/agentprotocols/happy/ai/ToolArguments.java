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

package io.github.agentprotocols.happy.ai;

import java.util.Map;

import io.github.agentprotocols.happy.Agent;
import org.jspecify.annotations.Nullable;

/**
 * A tool call's arguments.
 *
 * @param values the arguments, by name
 */
public record ToolArguments(Map<?, ?> values) {

	/**
	 * A required text argument.
	 * @param name its name
	 * @return its value
	 * @throws IllegalArgumentException when it is missing, blank or not text
	 */
	public String text(String name) {
		String value = optionalText(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("missing argument '" + name + "'");
		}
		return value;
	}

	/**
	 * An optional text argument.
	 * @param name its name
	 * @return its value, or null when absent
	 * @throws IllegalArgumentException when it is not text
	 */
	public @Nullable String optionalText(String name) {
		Object value = this.values.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new IllegalArgumentException("argument '" + name + "' must be a string");
	}

	/**
	 * The {@code agent} argument.
	 * @return the agent, Claude when absent
	 * @throws IllegalArgumentException when it names no agent
	 */
	public Agent agent() {
		String agent = optionalText("agent");
		return (agent != null) ? Agent.fromWireValue(agent) : Agent.CLAUDE;
	}

}
