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

import java.util.List;
import java.util.stream.Collectors;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.Machine;

/**
 * Finds the machine an agent names: by its id, else by its host name.
 */
final class MachineLookup {

	private MachineLookup() {
	}

	/**
	 * The id of the machine an agent named.
	 * @param happy the client
	 * @param machine a machine's id or host name
	 * @return its id
	 * @throws IllegalArgumentException when no machine, or several, have that name
	 */
	static String id(HappyClient happy, String machine) {
		List<Machine> machines = happy.listMachines();
		for (Machine candidate : machines) {
			if (candidate.id().equals(machine)) {
				return candidate.id();
			}
		}
		List<Machine> byHost = machines.stream()
			.filter((candidate) -> machine.equalsIgnoreCase(host(candidate)))
			.toList();
		if (byHost.size() == 1) {
			return byHost.get(0).id();
		}
		String known = machines.stream()
			.map((candidate) -> candidate.id() + " (" + host(candidate) + (candidate.active() ? "" : ", offline") + ")")
			.collect(Collectors.joining(", "));
		String problem = byHost.isEmpty() ? "unknown machine" : "several machines have the host";
		throw new IllegalArgumentException(
				problem + " '" + machine + "'; the account's machines: " + (known.isEmpty() ? "none" : known));
	}

	private static String host(Machine machine) {
		return (machine.metadata().get("host") instanceof String host) ? host : "unknown host";
	}

}
