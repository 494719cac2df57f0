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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored machine, mutated only under the lock of {@link Machines}.
 */
final class MachineEntry {

	final String id;

	final String accountId;

	final long createdAt;

	final @Nullable String dataEncryptionKey;

	String metadata;

	long metadataVersion = 1;

	@Nullable String daemonState;

	long daemonStateVersion;

	boolean active;

	long activeAt;

	long updatedAt;

	MachineEntry(String id, String accountId, String metadata, @Nullable String daemonState,
			@Nullable String dataEncryptionKey, long now) {
		this.id = id;
		this.accountId = accountId;
		this.metadata = metadata;
		this.daemonState = daemonState;
		this.daemonStateVersion = (daemonState != null) ? 1 : 0;
		this.dataEncryptionKey = dataEncryptionKey;
		this.createdAt = now;
		this.activeAt = now;
		this.updatedAt = now;
	}

	/**
	 * The machine record (spec §4.10).
	 * @param withSeq whether to add {@code seq} (always 0): the listing and {@code GET
	 * /v1/machines/{id}} have it, {@code POST /v1/machines} does not
	 */
	Map<String, @Nullable Object> toJson(boolean withSeq) {
		Map<String, @Nullable Object> json = Json.object("id", this.id, "metadata", this.metadata, "metadataVersion",
				this.metadataVersion, "daemonState", this.daemonState, "daemonStateVersion", this.daemonStateVersion,
				"dataEncryptionKey", this.dataEncryptionKey);
		if (withSeq) {
			json.put("seq", 0L);
		}
		json.put("active", this.active);
		json.put("activeAt", this.activeAt);
		json.put("createdAt", this.createdAt);
		json.put("updatedAt", this.updatedAt);
		return json;
	}

	/**
	 * The body of the {@code new-machine} update.
	 */
	Map<String, @Nullable Object> toNewMachineBody() {
		Map<String, @Nullable Object> body = Json.object("t", "new-machine", "machineId", this.id, "seq", 0L);
		toJson(false).forEach((name, value) -> {
			if (!name.equals("id")) {
				body.put(name, value);
			}
		});
		return body;
	}

}
