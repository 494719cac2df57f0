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

import java.util.List;
import java.util.Map;

/**
 * Reads the outcome of a daemon's {@code spawn-happy-session} RPC (spec §8.5 steps 3–4).
 */
final class SpawnResults {

	/**
	 * The starts of the daemon's errors that refuse the request itself (spec §6.2), as
	 * opposed to a failure to start the agent.
	 */
	private static final List<String> REFUSALS = List.of("Directory is required", "Unsupported agent type",
			"Unable to create directory");

	private SpawnResults() {
	}

	/**
	 * The spawned session's id.
	 * @param machineId the machine asked
	 * @param outcome the RPC's outcome
	 * @return the session id
	 * @throws MachineOfflineException when the daemon is not connected
	 * @throws SpawnRefusedException when the daemon refused the request
	 * @throws SpawnException when the spawn failed
	 */
	static String sessionId(String machineId, RpcOutcome outcome) {
		if (outcome instanceof RpcOutcome.Refused refused) {
			if (refused.targetOffline()) {
				throw new MachineOfflineException("Machine " + machineId + " is not connected: " + refused.error());
			}
			if (RpcOutcome.TIMED_OUT.equals(refused.error())) {
				throw new SpawnException("The daemon of machine " + machineId
						+ " did not answer the spawn in time; the session may still start");
			}
			throw new SpawnException("Spawn on machine " + machineId + " failed: " + refused.error());
		}
		Object result = ((RpcOutcome.Answered) outcome).result();
		if (!(result instanceof Map<?, ?> answer)) {
			throw new SpawnException("Spawn on machine " + machineId + " failed: invalid data");
		}
		if (answer.get("error") instanceof String error) {
			throw failed(machineId, error);
		}
		Object type = answer.get("type");
		if ("success".equals(type) && answer.get("sessionId") instanceof String sessionId) {
			return sessionId;
		}
		if ("requestToApproveDirectoryCreation".equals(type)) {
			throw new SpawnRefusedException("Directory " + answer.get("directory") + " does not exist on machine "
					+ machineId + "; spawn with createDir to create it");
		}
		if ("error".equals(type)) {
			throw failed(machineId, String.valueOf(answer.get("errorMessage")));
		}
		throw new SpawnException("Spawn on machine " + machineId + " failed: unexpected data");
	}

	private static SpawnException failed(String machineId, String error) {
		String message = "Spawn on machine " + machineId + " failed: " + error;
		return REFUSALS.stream().anyMatch(error::startsWith) ? new SpawnRefusedException(message)
				: new SpawnException(message);
	}

}
