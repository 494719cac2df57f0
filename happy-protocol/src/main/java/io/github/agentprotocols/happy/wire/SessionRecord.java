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
 * A session as the server lists it (spec §4.1): plaintext bookkeeping and the encrypted
 * {@code metadata} and {@code agentState}.
 *
 * @param id the session id
 * @param seq the highest message seq allocated in the session
 * @param createdAt creation time (ms)
 * @param updatedAt last change (ms)
 * @param active the server's liveness flag
 * @param activeAt last heartbeat or deactivation (ms)
 * @param metadata the encrypted metadata (base64)
 * @param metadataVersion the metadata's optimistic-concurrency version
 * @param agentState the encrypted agent state (base64), or {@code null}
 * @param agentStateVersion the agent state's version
 * @param dataEncryptionKey the wrapped data key (base64), or {@code null} for a legacy
 * record
 */
public record SessionRecord(String id, long seq, long createdAt, long updatedAt, boolean active, long activeAt,
		String metadata, long metadataVersion, @Nullable String agentState, long agentStateVersion,
		@Nullable String dataEncryptionKey) {

	/**
	 * Create a new {@code SessionRecord}, refusing what the client could not use.
	 * @param id the session id
	 * @param seq the highest message seq allocated in the session
	 * @param createdAt creation time (ms)
	 * @param updatedAt last change (ms)
	 * @param active the server's liveness flag
	 * @param activeAt last heartbeat or deactivation (ms)
	 * @param metadata the encrypted metadata (base64)
	 * @param metadataVersion the metadata's optimistic-concurrency version
	 * @param agentState the encrypted agent state (base64), or {@code null}
	 * @param agentStateVersion the agent state's version
	 * @param dataEncryptionKey the wrapped data key (base64), or {@code null} for a
	 * legacy record
	 */
	public SessionRecord {
		Objects.requireNonNull(id, "A session record needs an id");
		Objects.requireNonNull(metadata, "A session record needs metadata");
	}

	/**
	 * This record with newer metadata.
	 * @param metadata the encrypted metadata
	 * @param version its version
	 * @return the updated record
	 */
	public SessionRecord withMetadata(String metadata, long version) {
		return new SessionRecord(this.id, this.seq, this.createdAt, this.updatedAt, this.active, this.activeAt,
				metadata, version, this.agentState, this.agentStateVersion, this.dataEncryptionKey);
	}

	/**
	 * This record with a newer agent state.
	 * @param agentState the encrypted agent state, or {@code null}
	 * @param version its version
	 * @return the updated record
	 */
	public SessionRecord withAgentState(@Nullable String agentState, long version) {
		return new SessionRecord(this.id, this.seq, this.createdAt, this.updatedAt, this.active, this.activeAt,
				this.metadata, this.metadataVersion, agentState, version, this.dataEncryptionKey);
	}

}
