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

package io.github.agentprotocols.hpp.memory;

import java.time.Clock;

import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.SessionStoreContractTests;
import io.github.agentprotocols.hpp.redis.SessionCodec;
import io.github.agentprotocols.hpp.redis.SessionCodecTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract against the in-memory store.
 */
class InMemorySessionStoreTests extends SessionStoreContractTests {

	private InMemorySessionStore store;

	@Override
	protected SessionStore store(int maxSessions, int maxSessionsPerOwner) {
		this.store = new InMemorySessionStore(maxSessions, maxSessionsPerOwner, Clock.systemUTC());
		return this.store;
	}

	@Override
	protected SessionStore secondStore() {
		return this.store;
	}

	@Test
	void createdSessionIsHandedToUpdatesWithTheRequestsOfItsWindows() {
		SessionStore store = store(10);
		HandshakeSession session = SessionCodecTests.richSession();
		store.create(session).block(WAIT);
		String seen = store.update(session.getId(), SessionCodec::encode).block(WAIT);
		assertThat(seen).isEqualTo(SessionCodec.encode(session));
	}

}
