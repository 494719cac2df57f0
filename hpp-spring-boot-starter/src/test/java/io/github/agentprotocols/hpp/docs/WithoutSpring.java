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

package io.github.agentprotocols.hpp.docs;

import java.time.Clock;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;

/**
 * The engine built without Spring, as docs/reference/hpp.md shows it.
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
