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
 * Options of a spawn (the SDK's {@code agent}, {@code create_dir} and {@code name}).
 *
 * @param agent the agent to run
 * @param createDir whether the daemon may create a missing directory
 * @param name the name to give the session right after spawning, or {@code null}
 */
public record SpawnOptions(Agent agent, boolean createDir, @Nullable String name) {

	/** Claude, no directory creation, no name. */
	public static final SpawnOptions DEFAULTS = new SpawnOptions(Agent.CLAUDE, false, null);

	/**
	 * These options with another agent.
	 * @param agent the agent
	 * @return the options
	 */
	public SpawnOptions withAgent(Agent agent) {
		return new SpawnOptions(agent, this.createDir, this.name);
	}

	/**
	 * These options with directory creation allowed or not.
	 * @param createDir whether the daemon may create the directory
	 * @return the options
	 */
	public SpawnOptions withCreateDir(boolean createDir) {
		return new SpawnOptions(this.agent, createDir, this.name);
	}

	/**
	 * These options with a name.
	 * @param name the name
	 * @return the options
	 */
	public SpawnOptions withName(@Nullable String name) {
		return new SpawnOptions(this.agent, this.createDir, name);
	}

}
