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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the decrypted agent state and metadata of a session (spec §7.1, §7.2, §9.3).
 */
final class AgentStates {

	private AgentStates() {
	}

	/**
	 * Whether an agent is idle: it has a state, nobody drives it from the terminal, and
	 * no permission request is pending.
	 * @param agentState the decrypted agent state, or {@code null}
	 * @return whether idle
	 */
	static boolean isIdle(@Nullable Map<String, ?> agentState) {
		if (agentState == null) {
			return false;
		}
		if (Boolean.TRUE.equals(agentState.get("controlledByUser"))) {
			return false;
		}
		Object requests = agentState.get("requests");
		return requests == null || (requests instanceof Map<?, ?> pending && pending.isEmpty());
	}

	/**
	 * Whether a session's metadata says it is archived.
	 * @param metadata the decrypted metadata
	 * @return whether {@code lifecycleState} is {@code archived}
	 */
	static boolean isArchived(Map<String, ?> metadata) {
		return "archived".equals(metadata.get("lifecycleState"));
	}

}
