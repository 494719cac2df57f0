package io.github.agentprotocols.acp.store;

import java.time.Duration;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.testsupport.SimulatedClock;

/**
 * The store contract run by the {@link InMemoryThreadStore}, in simulated time.
 */
class InMemoryThreadStoreTests extends ThreadStoreContractTests {

	private final SimulatedClock clock = new SimulatedClock();

	@Override
	protected ThreadStore createStore() {
		return new InMemoryThreadStore(this.clock);
	}

	@Override
	protected void ageHeartbeats(Duration duration) {
		this.clock.advance(duration);
	}

}
