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

package io.github.agentprotocols.happy.observation;

/**
 * The context of an operation that starts an agent on a machine.
 */
public abstract class MachineObservationContext extends SessionObservationContext {

	private final String machineId;

	private final String agent;

	/**
	 * Create a context.
	 * @param machineId the machine
	 * @param agent the agent, as the wire names it (e.g. {@code claude})
	 */
	protected MachineObservationContext(String machineId, String agent) {
		this.machineId = machineId;
		this.agent = agent;
	}

	/**
	 * The machine.
	 * @return its id
	 */
	public String getMachineId() {
		return this.machineId;
	}

	/**
	 * The agent.
	 * @return its wire name, e.g. {@code claude}
	 */
	public String getAgent() {
		return this.agent;
	}

}
