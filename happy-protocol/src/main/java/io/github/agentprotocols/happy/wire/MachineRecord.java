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

package io.github.agentprotocols.happy.wire;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A machine as the server lists it (spec §4.10).
 *
 * @param id the machine id, chosen by its daemon
 * @param metadata the encrypted metadata (base64)
 * @param metadataVersion the metadata's version
 * @param daemonState the encrypted daemon state (base64), or {@code null}
 * @param daemonStateVersion the daemon state's version
 * @param dataEncryptionKey the wrapped data key (base64), or {@code null} for a legacy
 * record
 * @param active the server's liveness flag
 * @param activeAt last heartbeat or deactivation (ms)
 * @param createdAt creation time (ms)
 * @param updatedAt last change (ms)
 */
public record MachineRecord(String id, String metadata, long metadataVersion, @Nullable String daemonState,
		long daemonStateVersion, @Nullable String dataEncryptionKey, boolean active, long activeAt, long createdAt,
		long updatedAt) {

	/**
	 * Create a new {@code MachineRecord}, refusing what the client could not use.
	 * @param id the machine id, chosen by its daemon
	 * @param metadata the encrypted metadata (base64)
	 * @param metadataVersion the metadata's version
	 * @param daemonState the encrypted daemon state (base64), or {@code null}
	 * @param daemonStateVersion the daemon state's version
	 * @param dataEncryptionKey the wrapped data key (base64), or {@code null} for a
	 * legacy record
	 * @param active the server's liveness flag
	 * @param activeAt last heartbeat or deactivation (ms)
	 * @param createdAt creation time (ms)
	 * @param updatedAt last change (ms)
	 */
	public MachineRecord {
		Objects.requireNonNull(id, "A machine record needs an id");
		Objects.requireNonNull(metadata, "A machine record needs metadata");
	}

}
