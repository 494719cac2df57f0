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

import io.github.agentprotocols.hpp.HandshakeSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;

/**
 * The schemas of the sessions this instance has admitted an agent to, each with the
 * digest of the token admitted, so that an action's writes can be checked before the
 * script that admits and writes them runs: a session's schema and token never change.
 * Bounded by the number of sessions and the length of their fixed JSON, which holds the
 * schema: once full, it starts afresh.
 */
final class AdmittedSchemas {

	private static final int MAX_SESSIONS = 10_000;

	private static final long MAX_LENGTH = 8L * 1024 * 1024;

	private long length;

	private final Map<String, Admitted> sessions = new ConcurrentHashMap<>();

	/**
	 * The schema of a session admitted with a token of this digest.
	 * @param sessionId the session id
	 * @param tokenDigest the digest of the presented token
	 * @return the schema, or {@code null} when not known for this token
	 */
	@Nullable ArrayNode schema(String sessionId, String tokenDigest) {
		Admitted admitted = this.sessions.get(sessionId);
		return (admitted != null && MessageDigest.isEqual(admitted.tokenDigest(), bytes(tokenDigest)))
				? admitted.schema() : null;
	}

	/**
	 * Remembers the schema of a session its agent was admitted to.
	 * @param session the session, as admitted
	 * @param tokenDigest the digest of the token admitted
	 * @param length the length of the session's fixed JSON
	 */
	void admitted(HandshakeSession session, String tokenDigest, int length) {
		if (this.sessions.containsKey(session.getId())) {
			return;
		}
		synchronized (this) {
			if (this.sessions.size() >= MAX_SESSIONS || this.length + length > MAX_LENGTH) {
				this.sessions.clear();
				this.length = 0;
			}
			this.length += length;
			this.sessions.put(session.getId(), new Admitted(bytes(tokenDigest), session.getSchema().deepCopy()));
		}
	}

	/**
	 * Forgets a session that was removed.
	 * @param sessionId the session id
	 */
	void removed(String sessionId) {
		this.sessions.remove(sessionId);
	}

	private static byte[] bytes(String digest) {
		return digest.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A session's schema and the digest of the token admitted to it.
	 *
	 * @param tokenDigest the digest
	 * @param schema the schema
	 */
	private record Admitted(byte[] tokenDigest, ArrayNode schema) {

	}

}
