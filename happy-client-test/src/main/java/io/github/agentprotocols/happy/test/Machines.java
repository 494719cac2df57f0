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

package io.github.agentprotocols.happy.test;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The machines (spec §4.10), with the daemon's socket events: heartbeats, versioned
 * metadata and daemon state, and the inactivity sweep. Machine ids are chosen by the
 * daemons and unique across accounts.
 */
final class Machines {

	private final Map<String, MachineEntry> machines = new LinkedHashMap<>();

	private final Clock clock;

	private final Broadcasts broadcasts;

	Machines(Clock clock, Broadcasts broadcasts) {
		this.clock = clock;
		this.broadcasts = broadcasts;
	}

	/**
	 * The account's machines by {@code activeAt} descending.
	 */
	synchronized List<Map<String, @Nullable Object>> list(String accountId) {
		return this.machines.values()
			.stream()
			.filter((machine) -> machine.accountId.equals(accountId))
			.sorted(Comparator.comparingLong((MachineEntry machine) -> machine.activeAt).reversed())
			.map((machine) -> machine.toJson(true))
			.toList();
	}

	synchronized @Nullable Map<String, @Nullable Object> get(String accountId, String machineId) {
		MachineEntry machine = find(accountId, machineId);
		return (machine != null) ? machine.toJson(true) : null;
	}

	/**
	 * Register a machine, or return the account's existing one unchanged. A new machine
	 * is inactive, has metadata version 1, and is announced with {@code new-machine} and
	 * {@code update-machine}.
	 * @return the record, or {@code null} if another account owns the id
	 */
	synchronized @Nullable Map<String, @Nullable Object> createOrLoad(String accountId, String machineId,
			String metadata, @Nullable String daemonState, @Nullable String dataEncryptionKey) {
		MachineEntry existing = this.machines.get(machineId);
		if (existing != null) {
			return existing.accountId.equals(accountId) ? existing.toJson(false) : null;
		}
		MachineEntry machine = new MachineEntry(machineId, accountId, metadata, daemonState, dataEncryptionKey,
				this.clock.millis());
		this.machines.put(machineId, machine);
		this.broadcasts.update(accountId, Recipients.userScoped(), machine.toNewMachineBody());
		this.broadcasts.update(accountId, Recipients.machine(machineId), Json.object("t", "update-machine", "machineId",
				machineId, "metadata", Json.object("value", metadata, "version", machine.metadataVersion)));
		return machine.toJson(false);
	}

	synchronized boolean delete(String accountId, String machineId) {
		if (find(accountId, machineId) == null) {
			return false;
		}
		this.machines.remove(machineId);
		this.broadcasts.update(accountId, Recipients.userScoped(),
				Json.object("t", "delete-machine", "machineId", machineId));
		return true;
	}

	synchronized boolean exists(String accountId, String machineId) {
		return find(accountId, machineId) != null;
	}

	/**
	 * A daemon heartbeat ({@code machine-alive}): active at the time (clamped to now;
	 * older than 10 minutes ignored), and a {@code machine-activity} to the user-scoped
	 * sockets.
	 */
	synchronized void alive(String accountId, String machineId, long time) {
		long now = this.clock.millis();
		long at = Math.min(time, now);
		MachineEntry machine = find(accountId, machineId);
		if (machine == null || at < now - Sessions.INACTIVITY_TIMEOUT.toMillis()) {
			return;
		}
		machine.active = true;
		machine.activeAt = at;
		activity(machine, true, at);
	}

	/**
	 * The machine-activity ephemeral of a daemon socket connecting or disconnecting; the
	 * stored flag is left as it is.
	 */
	void socketActivity(String accountId, String machineId, boolean active) {
		this.broadcasts.ephemeral(accountId, Recipients.userScoped(), Json.object("type", "machine-activity", "id",
				machineId, "active", active, "activeAt", this.clock.millis()));
	}

	/**
	 * Apply {@code machine-update-metadata}.
	 * @return the ack
	 */
	synchronized Map<String, @Nullable Object> updateMetadata(String accountId, String machineId, String metadata,
			long expectedVersion) {
		MachineEntry machine = find(accountId, machineId);
		if (machine == null) {
			return Json.object("result", "error", "message", "Machine not found");
		}
		if (machine.metadataVersion != expectedVersion) {
			return Json.object("result", "version-mismatch", "version", machine.metadataVersion, "metadata",
					machine.metadata);
		}
		machine.metadata = metadata;
		machine.metadataVersion++;
		machine.updatedAt = this.clock.millis();
		this.broadcasts.update(accountId, Recipients.machine(machineId), Json.object("t", "update-machine", "machineId",
				machineId, "metadata", Json.object("value", metadata, "version", machine.metadataVersion)));
		return Json.object("result", "success", "version", machine.metadataVersion, "metadata", metadata);
	}

	/**
	 * Apply {@code machine-update-state}; a stored daemon state also marks the machine
	 * active, as the server does.
	 * @return the ack
	 */
	synchronized Map<String, @Nullable Object> updateState(String accountId, String machineId, String daemonState,
			long expectedVersion) {
		MachineEntry machine = find(accountId, machineId);
		if (machine == null) {
			return Json.object("result", "error", "message", "Machine not found");
		}
		if (machine.daemonStateVersion != expectedVersion) {
			return Json.object("result", "version-mismatch", "version", machine.daemonStateVersion, "daemonState",
					machine.daemonState);
		}
		long now = this.clock.millis();
		machine.daemonState = daemonState;
		machine.daemonStateVersion++;
		machine.active = true;
		machine.activeAt = now;
		machine.updatedAt = now;
		this.broadcasts.update(accountId, Recipients.machine(machineId), Json.object("t", "update-machine", "machineId",
				machineId, "daemonState", Json.object("value", daemonState, "version", machine.daemonStateVersion)));
		return Json.object("result", "success", "version", machine.daemonStateVersion, "daemonState", daemonState);
	}

	/**
	 * The inactivity sweep: machines without a heartbeat for 10 minutes become inactive.
	 */
	synchronized void sweep() {
		long deadline = this.clock.millis() - Sessions.INACTIVITY_TIMEOUT.toMillis();
		for (MachineEntry machine : this.machines.values()) {
			if (machine.active && machine.activeAt <= deadline) {
				machine.active = false;
				activity(machine, false, machine.activeAt);
			}
		}
	}

	private void activity(MachineEntry machine, boolean active, long at) {
		this.broadcasts.ephemeral(machine.accountId, Recipients.userScoped(),
				Json.object("type", "machine-activity", "id", machine.id, "active", active, "activeAt", at));
	}

	private @Nullable MachineEntry find(String accountId, String machineId) {
		MachineEntry machine = this.machines.get(machineId);
		return (machine != null && machine.accountId.equals(accountId)) ? machine : null;
	}

}
