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
 * A machine running a Happy daemon, as the client returns it (the SDK's {@code Machine}).
 * {@code active} can stay true for up to 10 minutes after the daemon went away (spec
 * §9.1); the authoritative offline signal is a failed RPC.
 *
 * @param id the machine id
 * @param active the server's liveness flag
 * @param metadata the decrypted metadata ({@code host}, {@code platform},
 * {@code homeDir}, ...), immutable; empty when the machine's key cannot be resolved in a
 * listing
 * @param daemonState the decrypted daemon state, or {@code null}
 * @param activeAt last heartbeat or deactivation (ms)
 * @param createdAt creation time (ms)
 */
public record Machine(String id, boolean active, Map<String, Object> metadata,
		@Nullable Map<String, Object> daemonState, long activeAt, long createdAt) {

}
