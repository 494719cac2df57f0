package io.github.agentprotocols.hpp.docs;

import java.time.Clock;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;

/**
 * The engine built without Spring, as docs/hpp.md shows it.
 */
final class WithoutSpring {

	private WithoutSpring() {
	}

	static HandshakeManager handshakeManager(Clock clock) {
		// tag::without-spring[]
		// at most 10,000 sessions, 20 per owner
		InMemorySessionStore store = new InMemorySessionStore(10_000, 20, clock);
		LocalSessionBroadcast broadcast = new LocalSessionBroadcast();
		// at most 100 action batches waiting per session
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, 100);
		HandshakeManager manager = HandshakeManager.builder(store, broadcast, delivery).clock(clock).build();
		// end::without-spring[]
		return manager;
	}

}
