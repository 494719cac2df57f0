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

package io.github.agentprotocols.hpp.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The {@link FixedPart fixed parts} of the sessions this instance has read, each read
 * from its JSON once, and the digest of the token this instance admitted an agent to the
 * session with, so that an action's writes can be checked before the script that admits
 * and writes them runs: a session's fixed part and token never change. A part is taken
 * from here only while the session's hash holds the same JSON, so a session removed and
 * created again under its id is read afresh. Bounded by the number of sessions and the
 * length of their JSON: once full, it starts afresh. Like the in-memory store, the
 * requests of a session share its schema, mode and metadata: read them, do not change
 * them.
 */
final class FixedParts {

	private static final int MAX_SESSIONS = 10_000;

	private static final long MAX_LENGTH = 8L * 1024 * 1024;

	private long length;

	private final Map<String, Known> sessions = new ConcurrentHashMap<>();

	/**
	 * The fixed part of a session, read from its JSON unless known.
	 * @param sessionId the session id
	 * @param json the JSON its hash holds
	 * @return the fixed part
	 */
	FixedPart read(String sessionId, String json) {
		Known known = this.sessions.get(sessionId);
		if (known != null && known.json().equals(json)) {
			return known.part();
		}
		FixedPart part = FixedPart.read(json);
		synchronized (this) {
			if (this.sessions.size() >= MAX_SESSIONS || this.length + json.length() > MAX_LENGTH) {
				this.sessions.clear();
				this.length = 0;
			}
			Known replaced = this.sessions.put(sessionId, new Known(json, part, null));
			this.length += json.length() - ((replaced != null) ? replaced.json().length() : 0);
		}
		return part;
	}

	/**
	 * Remembers that this instance admitted an agent to a session it has just read.
	 * @param sessionId the session id
	 * @param tokenDigest the digest of the token admitted
	 */
	void admit(String sessionId, String tokenDigest) {
		this.sessions.computeIfPresent(sessionId, (id, known) -> (known.tokenDigest() != null) ? known
				: new Known(known.json(), known.part(), bytes(tokenDigest)));
	}

	/**
	 * The fixed part of a session this instance admitted an agent to with a token of this
	 * digest.
	 * @param sessionId the session id
	 * @param tokenDigest the digest of the presented token
	 * @return the fixed part, or {@code null} when not known for this token
	 */
	@Nullable FixedPart admitted(String sessionId, String tokenDigest) {
		Known known = this.sessions.get(sessionId);
		byte[] admitted = (known != null) ? known.tokenDigest() : null;
		return (admitted != null && MessageDigest.isEqual(admitted, bytes(tokenDigest))) ? known.part() : null;
	}

	/**
	 * Forgets a session that was removed.
	 * @param sessionId the session id
	 */
	synchronized void removed(String sessionId) {
		Known removed = this.sessions.remove(sessionId);
		if (removed != null) {
			this.length -= removed.json().length();
		}
	}

	private static byte[] bytes(String digest) {
		return digest.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A session's fixed part, its JSON, and the digest of the token admitted to it.
	 *
	 * @param json the JSON
	 * @param part the fixed part read from it
	 * @param tokenDigest the digest, or {@code null} before this instance admitted an
	 * agent
	 */
	private record Known(String json, FixedPart part, byte @Nullable [] tokenDigest) {

	}

}
