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
 * An agent session as the client returns it (the SDK's {@code Session}): the server's
 * bookkeeping and the decrypted metadata. The name the apps show is
 * {@code metadata.summary.text}, mirrored to {@code metadata.name} ({@link #name()}).
 *
 * @param id the session id
 * @param active the server's liveness flag (may be stale after a crash, spec §9.1)
 * @param createdAt creation time (ms since the epoch)
 * @param metadata the decrypted metadata, immutable; empty when the session's key cannot
 * be resolved in a listing
 * @param agentState the agent state as the server holds it: encrypted base64, or
 * {@code null}
 * @param metadataVersion the metadata's optimistic-concurrency version
 * @param decryptedAgentState the decrypted agent state, or {@code null}
 * @param agentStateVersion the agent state's version
 * @param activeAt last heartbeat or deactivation (ms)
 * @param updatedAt last change (ms)
 */
public record Session(String id, boolean active, long createdAt, Map<String, Object> metadata,
		@Nullable String agentState, long metadataVersion, @Nullable Map<String, Object> decryptedAgentState,
		long agentStateVersion, long activeAt, long updatedAt) {

	/**
	 * The session's name, {@code metadata.name}.
	 * @return the name, or {@code null} when it has none
	 */
	public @Nullable String name() {
		return (this.metadata.get("name") instanceof String name) ? name : null;
	}

}
