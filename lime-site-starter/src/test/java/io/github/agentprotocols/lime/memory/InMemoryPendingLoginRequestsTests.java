package io.github.agentprotocols.lime.memory;

import java.time.Duration;

import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.PendingLoginRequestsContractTests;

class InMemoryPendingLoginRequestsTests extends PendingLoginRequestsContractTests {

	@Override
	protected PendingLoginRequests store(Duration retention, int capacity) {
		return new InMemoryPendingLoginRequests(this.clock, retention, capacity);
	}

}
