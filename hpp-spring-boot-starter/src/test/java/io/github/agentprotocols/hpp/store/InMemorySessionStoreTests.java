package io.github.agentprotocols.hpp.store;

import java.time.Clock;

import io.github.agentprotocols.hpp.SessionStore;

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

}
