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

/**
 * A message of a session, decrypted (the SDK's {@code Message}): a user prompt, agent
 * output, or a session-protocol event (spec §7.4).
 *
 * @param id the message id
 * @param seq its per-session sequence number (increasing, may have gaps)
 * @param content the decrypted content as written, immutable
 * @param createdAt creation time (ms)
 */
public record Message(String id, long seq, Map<String, Object> content, long createdAt) {

	/**
	 * The message's top-level role: {@code user}, {@code agent} or {@code session}.
	 * @return the role, or an empty string when it has none
	 */
	public String role() {
		return (this.content.get("role") instanceof String role) ? role : "";
	}

}
