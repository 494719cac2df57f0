package io.github.agentprotocols.acp.run;

import java.time.Clock;
import java.time.Duration;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.testsupport.SimulatedClock;

/**
 * The run executor on the {@link InMemoryThreadStore}, in simulated time.
 */
class InMemoryRunExecutorTests extends RunExecutorContractTests {

	private final SimulatedClock clock = new SimulatedClock();

	@Override
	protected ThreadStore createStore() {
		return new InMemoryThreadStore(this.clock);
	}

	@Override
	protected Clock clock() {
		return this.clock;
	}

	@Override
	protected void ageHeartbeats(Duration duration) {
		this.clock.advance(duration);
	}

}
