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

import io.github.agentprotocols.happy.core.HappyException;

/**
 * Thrown when the account has no machine of the given id: the server answered {@code GET
 * /v1/machines/{id}} with 404 {@code Machine not found} (spec §8.4). Raised by
 * {@code getMachine} and by a spawn before anything is sent to a daemon.
 */
public class MachineNotFoundException extends HappyException {

	/** The machine that was not found. */
	private final String machineId;

	/**
	 * Creates an exception for the given machine.
	 * @param machineId the id of the machine not found
	 */
	public MachineNotFoundException(String machineId) {
		super("Machine not found: " + machineId);
		this.machineId = machineId;
	}

	/**
	 * The id of the machine not found.
	 * @return the machine id
	 */
	public String machineId() {
		return this.machineId;
	}

}
